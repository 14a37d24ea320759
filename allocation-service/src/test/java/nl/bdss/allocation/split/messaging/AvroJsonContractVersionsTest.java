package nl.bdss.allocation.split.messaging;

import static nl.bdss.events.fixtures.AvroJson.avroJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.bdss.allocation.split.application.InvalidContractVersion;
import nl.bdss.allocation.split.application.InvalidContractVersion.Violation;
import nl.bdss.allocation.split.domain.ContractChangeKind;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.allocation.split.domain.ExecutionModel;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.DomainShare;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The preview's body: a ContractVersionPublished record in Avro's JSON encoding, read as the topic's versions are,
 * and every wrong field named by its path.
 */
class AvroJsonContractVersionsTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final AvroJsonContractVersions documents = new AvroJsonContractVersions();

    @Test
    void theManualExample_inAvrosJsonEncoding_isReadAsItsVersion() {
        ContractVersion version = documents.read(avroJson(ManualExampleEvents.registered("draft-1")));

        assertThat(version.change()).isEqualTo(ContractChangeKind.REGISTERED);
        assertThat(version.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(version.terms().contractId()).isEqualTo("draft-1");
        assertThat(version.terms().lumpSumCents()).isEqualTo(10_000_000);
        assertThat(version.terms().insurers()).containsExactly(Uzovi.of("3311"), Uzovi.of("3343"));
        assertThat(version.terms().serviceArea()).extracting(Postcode::value)
                .containsExactly("1011", "1012", "1013", "1015", "1016");
        assertThat(version.terms().executionModel()).isEqualTo(ExecutionModel.mainContractor("hap-west"));
    }

    @Test
    void aMissingFieldWithADefault_getsItsDefault() {
        ObjectNode document = tree(ManualExampleEvents.registered("draft-2"));
        ((ObjectNode) document.get("contract")).remove("overlappingContractIds");
        ((ObjectNode) document.get("contract").get("agreements")).remove("quality");

        assertThat(documents.read(bytes(document)).terms().contractId()).isEqualTo("draft-2");
    }

    @Test
    void everyWrongField_isNamedByItsPath() {
        ObjectNode document = tree(ManualExampleEvents.registered("draft-3"));
        ObjectNode contract = (ObjectNode) document.get("contract");
        ((ObjectNode) contract.get("budget")).put("lumpSumCents", "ten million");
        contract.remove("title");
        ((ObjectNode) contract.get("parties").get(1)).put("sector", "WIJKVERPLEGING");
        contract.put("status", "DRAFT");
        document.put("eventId", "not-a-uuid");

        assertThat(violations(bytes(document))).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("eventId", "REQUEST"),
                org.assertj.core.groups.Tuple.tuple("contract.title", "REQUEST"),
                org.assertj.core.groups.Tuple.tuple("contract.status", "REQUEST"),
                org.assertj.core.groups.Tuple.tuple("contract.parties[1].sector", "REQUEST"),
                org.assertj.core.groups.Tuple.tuple("contract.budget.lumpSumCents", "REQUEST"));
        assertThat(violations(bytes(document))).filteredOn(v -> v.field().equals("contract.parties[1].sector"))
                .extracting(Violation::message).singleElement().asString().contains("{\"<type>\": value}");
    }

    @Test
    void termsThatBreakADomainRule_nameTheFieldAndTheRule_R7_R11() {
        ContractVersionPublished sharesOff = ManualExampleEvents.contractVersion("draft-4", 1, ManualExampleEvents.VALID_FROM,
                ManualExampleEvents.contract().setBudget(new nl.bdss.events.contract.Budget(10_000_000L,
                        nl.bdss.events.common.BudgetPeriod.YEAR, List.of(new DomainShare(nl.bdss.events.common.LegalDomain.ZVW, 9000)),
                        ManualExampleEvents.budget(10_000_000L, nl.bdss.events.common.BudgetPeriod.YEAR).getZvwSectorShares()))
                        .build()).build();
        ContractVersionPublished badUzovi = ManualExampleEvents.contractVersion("draft-5", 1, ManualExampleEvents.VALID_FROM,
                ManualExampleEvents.contract().setInsurers(List.of(new nl.bdss.events.contract.Insurer("3311", "A"),
                        new nl.bdss.events.contract.Insurer("33", "B"))).build()).build();
        ContractVersionPublished badPostcode = ManualExampleEvents.contractVersion("draft-6", 1, ManualExampleEvents.VALID_FROM,
                ManualExampleEvents.contract().setTargetGroup(new nl.bdss.events.contract.TargetGroup("ouderen", List.of(),
                        List.of("1011", "1011SS"))).build()).build();

        assertThat(violations(avroJson(sharesOff))).containsExactly(new Violation("contract.budget.domainShares", "R7",
                "domain shares must add up to 100% (R7)"));
        assertThat(violations(avroJson(badUzovi))).extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contract.insurers[1].uzovi", "REQUEST"));
        assertThat(violations(avroJson(badPostcode))).extracting(Violation::field)
                .containsExactly("contract.targetGroup.serviceAreaPostcodes[1]");
    }

    @Test
    void somethingThatIsNoJson_orNoRecord_isRefusedAsAWhole() {
        assertThat(violations("{\"eventId\":".getBytes(StandardCharsets.UTF_8))).extracting(Violation::field)
                .containsExactly("");
        assertThat(violations("[1, 2]".getBytes(StandardCharsets.UTF_8))).extracting(Violation::field)
                .containsExactly("");
        assertThat(violations("{}".getBytes(StandardCharsets.UTF_8))).extracting(Violation::field)
                .contains("eventId", "contractId", "version", "change", "effectiveFrom", "contract");
    }

    private List<Violation> violations(byte[] document) {
        InvalidContractVersion invalid = (InvalidContractVersion) org.assertj.core.api.Assertions
                .catchThrowable(() -> documents.read(document));
        assertThat(invalid).as("refused").isNotNull();
        return invalid.violations();
    }

    private static ObjectNode tree(ContractVersionPublished event) {
        return (ObjectNode) JSON.readTree(avroJson(event));
    }

    private static byte[] bytes(ObjectNode document) {
        return JSON.writeValueAsBytes(document);
    }

    @Test
    void unknownFields_areIgnoredAsAvrosDecoderDoes() {
        ObjectNode document = tree(ManualExampleEvents.registered("draft-7"));
        document.put("proposalId", "p-1");

        assertThatThrownBy(() -> documents.read("".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidContractVersion.class);
        assertThat(documents.read(bytes(document)).terms().contractId()).isEqualTo("draft-7");
    }
}
