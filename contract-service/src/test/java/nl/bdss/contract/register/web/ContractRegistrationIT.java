package nl.bdss.contract.register.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.ContractStatus;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.DomainShare;
import nl.bdss.events.contract.SectorShare;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton: the manual's example, exactly as shared, is proposed by insurer 3311 and reaches the topic
 * once insurer 3343 and both Zvw providers have accepted it (R1), not before.
 */
class ContractRegistrationIT extends ContractApiSupport {

    @Test
    void registrationByInsurer3311_publishesNothingUntil3343AndBothZvwProvidersAccept_thenItsFirstVersion_R1() {
        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            HttpResponse<String> response = post(CONTRACTS, manualExampleText(), "Authorization", "Bearer " + insurer("3311"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode body = json(response);
            String id = body.get("id").asString();
            assertThat(response.headers().firstValue("Location")).contains("/api/v1/contracts/" + id);
            assertThat(response.headers().firstValue("ETag")).contains("\"p1-1\"");
            assertThat(body.get("version").asInt()).isEqualTo(1);
            assertThat(body.get("status").asString()).isEqualTo("PROPOSED");
            assertThat(body.get("reference").asString()).isEqualTo("IZA-WEST-2025-001");
            assertThat(body.get("warnings").isArray()).isTrue();
            // the manual does not say whether the main contractor's part includes VAT (R10): a warning, not a refusal
            assertThat(body.get("warnings").values()).extracting(w -> w.get("field").asString() + " " + w.get("rule").asString())
                    .containsExactly("parties[0].vat R10");
            JsonNode proposal = body.get("proposal");
            assertThat(proposal.get("kind").asString()).isEqualTo("REGISTRATION");
            assertThat(proposal.get("status").asString()).isEqualTo("OPEN");
            assertThat(proposal.get("etag").asString()).isEqualTo("\"p1-1\"");
            assertThat(proposal.get("proposedBy").get("uzovi").asString()).isEqualTo("3311");
            assertThat(proposal.get("proposedBy").get("clientId").asString()).isEqualTo("insurer-3311");
            // every other insurer and every Zvw provider; Welzijn Centraal (WMO) and Jeugdteam Oost are not asked
            assertThat(proposal.get("pendingAcceptances").values()).extracting(ContractRegistrationIT::party)
                    .containsExactly("INSURER 3343", "PROVIDER 01012345 hap-west", "PROVIDER 75750123 wijkzorg-noord");
            assertThat(storedVersionsOf(id)).isZero();

            String etag = "\"p1-1\"";
            for (String token : List.of(insurer("3343"), provider("01012345"))) {
                HttpResponse<String> accepted = decide(id, token, etag, "{\"decision\":\"ACCEPT\"}");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
                assertThat(json(accepted).get("status").asString()).isEqualTo("PROPOSED");
                etag = accepted.headers().firstValue("ETag").orElseThrow();
                awaitOutboxDrained();
                assertThat(topic.eventsWithin(id, Duration.ofSeconds(1))).as("published before every party accepted")
                        .isEmpty();
            }
            assertThat(etag).isEqualTo("\"p1-3\"");
            HttpResponse<String> last = decide(id, provider("75750123"), etag, "{\"decision\":\"ACCEPT\"}");
            assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
            assertThat(json(last).get("status").asString()).isEqualTo("ACTIVE");
            assertThat(json(last).get("proposal").get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(json(last).get("proposal").get("pendingAcceptances")).isEmpty();
            assertThat(json(last).get("proposal").get("decisions").values()).extracting(d -> d.get("clientId").asString())
                    .containsExactly("insurer-3343", "provider-01012345", "provider-75750123");

            HttpResponse<String> current = get(CONTRACTS + "/" + id);
            assertThat(current.headers().firstValue("ETag")).contains("\"1\"");
            JsonNode stored = json(current);
            assertThat(stored.get("version").asInt()).isEqualTo(1);
            assertThat(stored.get("budget").get("lumpSumCents").asLong()).isEqualTo(10_000_000L);
            assertThat(stored.get("parties")).hasSize(4);
            // shown as the example writes it: one reference date, no dates per year, no rule, no hybrid meeting
            assertThat(stored.get("purchasing")).isEqualTo(JSON.readTree(manualExampleText()).get("purchasing"));
            assertThat(stored.get("activities")).isEqualTo(JSON.readTree(manualExampleText()).get("activities"));

            topic.awaitEvents(id, 1, Duration.ofSeconds(30));
            // anything published before the last acceptance would have arrived before this one (same key, same partition)
            List<ContractEventsOnTopic.Received> events = topic.eventsWithin(id, Duration.ofSeconds(1));
            assertThat(events).hasSize(1);
            ContractEventsOnTopic.Received received = events.get(0);
            assertThat(received.bytes()[0]).as("Confluent magic byte").isZero();
            assertThat(received.bytes().length).isGreaterThan(5);
            ContractVersionPublished event = received.event();
            assertThat(event.getContractId()).isEqualTo(id);
            assertThat(event.getVersion()).isEqualTo(1);
            assertThat(event.getChange()).isEqualTo(ContractChange.REGISTERED);
            assertThat(event.getEffectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(event.getEventId()).isNotNull();
            ContractState state = event.getContract();
            assertThat(state.getStatus()).isEqualTo(ContractStatus.ACTIVE);
            assertThat(state.getValidUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(state.getInsurers()).extracting(i -> i.getUzovi()).containsExactly("3311", "3343");
            assertThat(state.getParties()).extracting(p -> p.getAgb()).containsExactly("01012345", "75750123", null, null);
            assertThat(state.getTargetGroup().getServiceAreaPostcodes()).containsExactly("1011", "1012", "1013", "1015", "1016");
            assertThat(state.getBudget().getLumpSumCents()).isEqualTo(10_000_000L);
            assertThat(state.getBudget().getDomainShares()).containsExactlyInAnyOrder(
                    new DomainShare(LegalDomain.WMO, 1000), new DomainShare(LegalDomain.JEUGDWET, 2000),
                    new DomainShare(LegalDomain.ZVW, 7000));
            assertThat(state.getBudget().getZvwSectorShares()).containsExactlyInAnyOrder(
                    new SectorShare("WIJKVERPLEGING", 5000), new SectorShare("HUISARTSENZORG", 5000));
            assertThat(state.getExecutionModel().getMainContractorKey()).isEqualTo("hap-west");
            assertThat(state.getPurchasing().getMarketShare().getReferenceDate()).isEqualTo(LocalDate.of(2025, 3, 1));
            // one date for every year, as the manual's example has always been published (R11); no hybrid meeting (R13)
            assertThat(state.getPurchasing().getMarketShare().getReferenceDates()).isEmpty();
            assertThat(state.getPurchasing().getMarketShare().getReferenceDateRule()).isNull();
            assertThat(state.getActivities()).extracting(a -> a.getHybridMeeting(), a -> a.getOnlyGroupBoundCoordinationPaid(),
                    a -> a.getGroupBoundPartDetermination()).containsOnly(org.assertj.core.groups.Tuple.tuple(false, null, null));
            assertThat(state.getAttestations().getGpFundingChoice()).isEqualTo("THIS_PERFORMANCE");
        }
    }

    private long storedVersionsOf(String id) {
        return jdbc.sql("select count(*) from contract_version where contract_id = cast(? as uuid)").param(id)
                .query(Long.class).single();
    }

    private static String party(JsonNode party) {
        return party.get("role").asString() + " " + (party.has("uzovi") ? party.get("uzovi").asString()
                : party.get("agb").asString() + " " + party.get("partyKey").asString());
    }

    @Test
    void answersUnknownContractWith404Problem() {
        HttpResponse<String> response = get(CONTRACTS + "/00000000-0000-0000-0000-000000000000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(json(response).get("type").asString()).isEqualTo("urn:bdss:problem:contract-not-found");
    }
}
