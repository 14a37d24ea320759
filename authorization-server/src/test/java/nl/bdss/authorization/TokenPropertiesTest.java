package nl.bdss.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A configured code becomes every service's idea of who the client is: a wrong one stops the server at start. */
class TokenPropertiesTest {

    private static final TokenProperties.SigningKey GENERATED = new TokenProperties.SigningKey(null, null);

    @Test
    void validCodes_areAccepted() {
        TokenProperties properties = new TokenProperties("bdss", Map.of("insurer-3311", "3311"),
                Map.of("provider-01012345", "01012345"), GENERATED);

        assertThat(properties.agbByClient()).containsEntry("provider-01012345", "01012345");
    }

    @Test
    void aUzoviThatIsNotFourDigits_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenProperties("bdss", Map.of("insurer-331", "331"), Map.of(), GENERATED))
                .withMessageContaining("uzovi-by-client.insurer-331");
    }

    @Test
    void anAgbThatIsNotEightDigits_isRefused() {
        // 1012345: the leading zero of 01012345 lost, as an unquoted YAML number would lose it
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenProperties("bdss", Map.of(), Map.of("provider-01012345", "1012345"),
                        GENERATED))
                .withMessageContaining("agb-by-client.provider-01012345");
    }

    @Test
    void aClientThatIsInsurerAndProvider_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenProperties("bdss", Map.of("both", "3311"), Map.of("both", "01012345"),
                        GENERATED))
                .withMessageContaining("'both'");
    }
}
