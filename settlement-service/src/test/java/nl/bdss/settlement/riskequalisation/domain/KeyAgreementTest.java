package nl.bdss.settlement.riskequalisation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyAgreementTest {

    @Test
    void theSameKeyForEveryInsurerAgrees_anotherDiffers_aMissingOneIsIncomplete_R19() {
        assertThat(KeyAgreement.of(List.of(DistributionKey.ALL_INSUREDS, DistributionKey.ALL_INSUREDS)))
                .isEqualTo(KeyAgreement.AGREE);
        assertThat(KeyAgreement.of(List.of(DistributionKey.ALL_INSUREDS, DistributionKey.SERVICE_AREA_INSUREDS)))
                .isEqualTo(KeyAgreement.DIFFER);
        assertThat(KeyAgreement.of(Arrays.asList(DistributionKey.NOT_ATTRIBUTED, null))).isEqualTo(KeyAgreement.INCOMPLETE);
        assertThat(KeyAgreement.of(Arrays.asList(DistributionKey.NOT_ATTRIBUTED, DistributionKey.ALL_INSUREDS, null)))
                .as("incomplete before differing").isEqualTo(KeyAgreement.INCOMPLETE);
        assertThat(KeyAgreement.of(List.of())).isEqualTo(KeyAgreement.INCOMPLETE);
        assertThat(KeyAgreement.of(List.of(DistributionKey.NOT_ATTRIBUTED))).isEqualTo(KeyAgreement.AGREE);
    }
}
