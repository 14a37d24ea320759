package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.at;
import static nl.bdss.contract.register.web.ContractRulesIT.marketShare;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.bdss.events.contract.Activity;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.MarketShareDefinition;
import nl.bdss.events.contract.YearReferenceDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Market shares per contract year (R11) and hybrid meetings (R13) from the request to the topic, and the experiment's
 * end (R14) for terminations. Each test's contract has Zvw providers of its own, so it overlaps nobody's.
 */
class ContractYearsIT extends ContractApiSupport {

    private final String gpAgb = ProposalIT.randomAgb();
    private final String nurseAgb = ProposalIT.randomAgb();

    /** The manual's example with this test's providers, running {@code from} to {@code until}. */
    private ObjectNode aContractOfItsOwn(String from, String until) {
        ObjectNode contract = aContract();
        at(contract, "parties", 0).put("agb", gpAgb);
        at(contract, "parties", 1).put("agb", nurseAgb);
        contract.put("validFrom", from);
        contract.put("validUntil", until);
        return contract;
    }

    @Test
    void aRegistrationWithADatePerYear_andAHybridMeeting_publishesThemInYearOrder_R11_R13() {
        ObjectNode contract = aContractOfItsOwn("2025-01-01", "2027-12-31");
        marketShare(contract).remove("referenceDate");
        marketShare(contract).putObject("referenceDates").put("2027", "2027-03-01").put("2025", "2025-03-01")
                .put("2026", "2026-04-01");
        at(contract, "activities", 0).put("hybridMeeting", true).put("onlyGroupBoundCoordinationPaid", true)
                .put("groupBoundPartDetermination", "aandeel agendatijd over de doelgroep, volgens de notulen");

        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            String id = register(contract);

            JsonNode stored = json(get(CONTRACTS + "/" + id));
            JsonNode shownMarketShare = stored.get("purchasing").get("marketShare");
            assertThat(shownMarketShare.has("referenceDate")).as(shownMarketShare.toString()).isFalse();
            assertThat(shownMarketShare.get("referenceDates").properties()).extracting(e -> e.getKey(),
                    e -> e.getValue().asString()).containsExactly(tuple("2025", "2025-03-01"),
                    tuple("2026", "2026-04-01"), tuple("2027", "2027-03-01"));
            assertThat(stored.get("activities").get(0).get("hybridMeeting").asBoolean()).isTrue();
            assertThat(stored.get("activities").get(1).has("hybridMeeting")).isFalse();

            ContractVersionPublished event = topic.awaitEvents(id, 1, Duration.ofSeconds(30)).get(0).event();
            MarketShareDefinition published = event.getContract().getPurchasing().getMarketShare();
            assertThat(published.getReferenceDates()).extracting(YearReferenceDate::getYear,
                    YearReferenceDate::getReferenceDate).containsExactly(tuple(2025, LocalDate.of(2025, 3, 1)),
                    tuple(2026, LocalDate.of(2026, 4, 1)), tuple(2027, LocalDate.of(2027, 3, 1)));
            // no single date was given: the first contract year's
            assertThat(published.getReferenceDate()).isEqualTo(LocalDate.of(2025, 3, 1));
            assertThat(published.getReferenceDateRule()).isNull();
            assertThat(event.getContract().getActivities()).extracting(Activity::getHybridMeeting,
                    Activity::getOnlyGroupBoundCoordinationPaid, Activity::getGroupBoundPartDetermination)
                    .containsExactly(tuple(true, true, "aandeel agendatijd over de doelgroep, volgens de notulen"),
                            tuple(false, null, null));
        }
    }

    @Test
    void aRuleOnlyDocument_isAccepted_andPublishesTheRuleWithTheFirstYearsDate_R11() {
        ObjectNode contract = aContractOfItsOwn("2025-01-01", "2026-12-31");
        marketShare(contract).remove("referenceDate");
        marketShare(contract).put("referenceDateRule", "FIRST_OF_JANUARY");

        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            HttpResponse<String> proposed = propose(contract);
            assertThat(json(proposed).get("warnings").values()).extracting(w -> w.get("field").asString())
                    .containsExactly("purchasing.marketShare.referenceDateRule", "parties[0].vat");
            String id = json(proposed).get("id").asString();
            acceptAll(id, proposed);

            MarketShareDefinition published = topic.awaitEvents(id, 1, Duration.ofSeconds(30)).get(0).event()
                    .getContract().getPurchasing().getMarketShare();
            assertThat(published.getReferenceDateRule()).isEqualTo("FIRST_OF_JANUARY");
            assertThat(published.getReferenceDates()).isEmpty();
            assertThat(published.getReferenceDate()).isEqualTo(LocalDate.of(2025, 1, 1));
            JsonNode shown = json(get(CONTRACTS + "/" + id)).get("purchasing").get("marketShare");
            assertThat(shown.get("referenceDateRule").asString()).isEqualTo("FIRST_OF_JANUARY");
            assertThat(shown.has("referenceDates")).isFalse();
        }
    }

    @Test
    void anAmendmentNamingDatesPerYear_proposesAndPublishesThem_R11() {
        String id = register(aContractOfItsOwn("2025-01-01", "2026-12-31"));
        ObjectNode document = aContractOfItsOwn("2025-01-01", "2026-12-31");
        marketShare(document).putObject("referenceDates").put("2026", "2026-03-01");
        ObjectNode amendment = JSON.createObjectNode().put("effectiveFrom", "2026-01-01");
        amendment.set("contract", document);

        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            HttpResponse<String> proposed = post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "\"1\"");
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
            acceptAll(id, proposed);

            // the consumer reads from the earliest offset: the registration, then the amendment (same key, same partition)
            List<ContractEventsOnTopic.Received> events = topic.awaitEvents(id, 2, Duration.ofSeconds(30));
            assertThat(events).hasSize(2);
            ContractVersionPublished amended = events.get(1).event();
            assertThat(amended.getChange()).isEqualTo(ContractChange.AMENDED);
            MarketShareDefinition published = amended.getContract().getPurchasing().getMarketShare();
            assertThat(published.getReferenceDates()).extracting(YearReferenceDate::getYear,
                    YearReferenceDate::getReferenceDate).containsExactly(tuple(2026, LocalDate.of(2026, 3, 1)));
            // the single date stays the one given, for 2025
            assertThat(published.getReferenceDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        }
    }

    @Test
    void aDraftPreview_asksAllocationWithTheDatesPerYear_R11() {
        AllocationStandIn allocation = AllocationStandIn.get();
        allocation.answer(200, "application/json", "{\"items\":[]}", Duration.ZERO);
        ObjectNode draft = aContractOfItsOwn("2025-01-01", "2026-12-31");
        marketShare(draft).putObject("referenceDates").put("2026", "2026-03-01");

        HttpResponse<String> response = postAs(insurer("3311"), CONTRACTS + "/preview", draft);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(allocation.received().event().getContract().getPurchasing().getMarketShare().getReferenceDates())
                .extracting(YearReferenceDate::getYear).containsExactly(2026);
    }

    @Test
    void aTerminationEnding1May2029_isRefusedWithR14_andNothingIsProposed_while30AprilIsAccepted() {
        String id = register(aContractOfItsOwn("2025-01-01", "2029-04-30"));
        long proposalsBefore = proposalsOf(id);

        HttpResponse<String> refused = post(CONTRACTS + "/" + id + "/termination", "{\"endDate\":\"2029-05-01\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = json(refused);
        assertThat(problem.get("type").asString()).isEqualTo("urn:bdss:problem:contract-rules-violated");
        assertThat(problem.get("errors").values()).extracting(e -> e.get("field").asString(), e -> e.get("rule").asString())
                .containsExactly(tuple("endDate", "R14"));
        assertThat(proposalsOf(id)).as("nothing proposed").isEqualTo(proposalsBefore);

        HttpResponse<String> accepted = terminateAccepted(id, "2029-04-30");
        assertThat(json(accepted).get("status").asString()).isEqualTo("TERMINATED");
        assertThat(json(accepted).get("validUntil").asString()).isEqualTo("2029-04-30");
    }

    @Test
    void anAmendmentRunningUntil1May2029_isRefusedWithR14() {
        String id = register(aContractOfItsOwn("2025-01-01", "2026-12-31"));
        ObjectNode amendment = JSON.createObjectNode().put("effectiveFrom", "2026-01-01");
        amendment.set("contract", aContractOfItsOwn("2025-01-01", "2029-05-01"));

        HttpResponse<String> refused = post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "\"1\"");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("errors").values()).extracting(e -> e.get("field").asString(),
                e -> e.get("rule").asString()).containsExactly(tuple("validUntil", "R14"));
        assertThat(proposalsOf(id)).as("only the registration").isEqualTo(1);
        assertThat(json(get(CONTRACTS + "/" + id)).get("validUntil").asString()).isEqualTo("2026-12-31");
    }

    @Test
    void aMonthlySchedule_andTheProvidersVat_areStoredShownAndPublished_R8_R10() {
        ObjectNode contract = aContractOfItsOwn("2025-01-01", "2026-12-31");
        contract.put("paymentSchedule", "MONTHLY");
        at(contract, "parties", 0).putObject("vat").put("treatment", "INCLUDED").put("rateBasisPoints", 2100);
        at(contract, "parties", 1).putObject("vat").put("treatment", "EXEMPT");

        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            HttpResponse<String> proposed = propose(contract);
            assertThat(json(proposed).get("warnings").values()).as("the main contractor states its VAT").isEmpty();
            String id = json(proposed).get("id").asString();
            acceptAll(id, proposed);

            JsonNode shown = json(get(CONTRACTS + "/" + id));
            assertThat(shown.get("paymentSchedule").asString()).isEqualTo("MONTHLY");
            assertThat(shown.get("parties").get(0).get("vat").get("treatment").asString()).isEqualTo("INCLUDED");
            assertThat(shown.get("parties").get(0).get("vat").get("rateBasisPoints").asInt()).isEqualTo(2100);
            assertThat(shown.get("parties").get(1).get("vat").get("treatment").asString()).isEqualTo("EXEMPT");
            assertThat(shown.get("parties").get(2).has("vat")).isFalse();

            ContractVersionPublished event = topic.awaitEvents(id, 1, Duration.ofSeconds(30)).get(0).event();
            assertThat(event.getContract().getPaymentSchedule()).isEqualTo(nl.bdss.events.common.PaymentSchedule.MONTHLY);
            assertThat(event.getContract().getParties()).extracting(
                    party -> party.getVat() == null ? null : party.getVat().getTreatment() + "/" + party.getVat().getRateBasisPoints())
                    .containsExactly("INCLUDED/2100", "EXEMPT/null", null, null);
        }
    }

    @Test
    void aContractWithoutASchedule_isShownWithoutOne_andPublishedPerPeriod() {
        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            String id = register(aContractOfItsOwn("2025-01-01", "2026-12-31"));

            assertThat(json(get(CONTRACTS + "/" + id)).has("paymentSchedule")).isFalse();
            assertThat(topic.awaitEvents(id, 1, Duration.ofSeconds(30)).get(0).event().getContract().getPaymentSchedule())
                    .isEqualTo(nl.bdss.events.common.PaymentSchedule.PER_PERIOD);
        }
    }

    private long proposalsOf(String id) {
        return jdbc.sql("select count(*) from contract_proposal where contract_id = cast(? as uuid)").param(id)
                .query(Long.class).single();
    }
}
