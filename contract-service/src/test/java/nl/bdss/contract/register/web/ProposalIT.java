package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.at;
import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractVersionPublished;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contracts the parties agree to (R1): a proposal takes effect only with every asked party's acceptance; a decline
 * or a withdrawal leaves everything as it was; an insurer can neither make another insurer pay nor drop it alone.
 */
class ProposalIT extends ContractApiSupport {

    private static final String ACCEPT = "{\"decision\":\"ACCEPT\"}";

    private final String gpAgb = randomAgb();
    private final String nurseAgb = randomAgb();

    @Test
    void aDecline_closesTheRegistration_publishesNothing_andShowsWhoDeclinedWhenAndWhy() {
        awaitOutboxDrained();
        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            Map<TopicPartition, Long> offsetsBefore = topic.endOffsets();
            HttpResponse<String> proposed = propose(ownContract());
            String id = json(proposed).get("id").asString();

            HttpResponse<String> accepted = decide(id, insurer("3343"), "\"p1-1\"", ACCEPT);
            HttpResponse<String> declined = decide(id, provider(nurseAgb), "\"p1-2\"",
                    "{\"decision\":\"DECLINE\",\"reason\":\"Te weinig uren wijkverpleging begroot\"}");

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
            awaitOutboxDrained();
            assertThat(topic.endOffsets()).as("nothing published").isEqualTo(offsetsBefore);
        }
    }

    @Test
    void aDeclinedRegistration_showsEveryDecision_neverTakesEffect_andTakesNoMoreAnswers() {
        HttpResponse<String> proposed = propose(ownContract());
        String id = json(proposed).get("id").asString();
        decide(id, insurer("3343"), "\"p1-1\"", ACCEPT);
        decide(id, provider(nurseAgb), "\"p1-2\"", "{\"decision\":\"DECLINE\",\"reason\":\"Te weinig uren begroot\"}");

        HttpResponse<String> read = getAs(insurer("3311"), CONTRACTS + "/" + id);
        JsonNode contract = json(read);
        assertThat(contract.get("status").asString()).isEqualTo("DECLINED");
        assertThat(read.headers().firstValue("ETag")).contains("\"p1-3\"");
        JsonNode proposal = contract.get("proposal");
        assertThat(proposal.get("status").asString()).isEqualTo("DECLINED");
        assertThat(proposal.get("closedAt").isString()).isTrue();
        assertThat(proposal.get("pendingAcceptances")).isEmpty();
        assertThat(proposal.get("decisions").values()).extracting(d -> d.get("role").asString() + " "
                        + d.get("clientId").asString() + " " + d.get("decision").asString())
                .containsExactly("INSURER insurer-3343 ACCEPT", "PROVIDER provider-" + nurseAgb + " DECLINE");
        JsonNode decline = proposal.get("decisions").get(1);
        assertThat(decline.get("agb").asString()).isEqualTo(nurseAgb);
        assertThat(decline.get("partyKey").asString()).isEqualTo("wijkzorg-noord");
        assertThat(decline.get("reason").asString()).isEqualTo("Te weinig uren begroot");
        assertThat(decline.get("decidedAt").isString()).isTrue();
        assertThat(json(get(CONTRACTS + "/" + id + "/versions"))).isEmpty();

        assertProblem(decide(id, provider(gpAgb), "\"p1-3\"", ACCEPT), 409, "illegal-transition");
        assertProblem(post(CONTRACTS + "/" + id + "/termination", "{\"endDate\":\"2025-12-31\"}"), 409,
                "illegal-transition");
        assertThat(versionsOf(id)).isZero();
    }

    @Test
    void anAmendmentNotYetAccepted_changesNothing_theCurrentVersionStaysInForce() {
        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            ObjectNode contract = ownContract();
            String id = register(contract);
            topic.awaitEvents(id, 1, Duration.ofSeconds(30));

            HttpResponse<String> proposed = post(CONTRACTS + "/" + id + "/amendments",
                    ContractLifecycleIT.amendment(contract, 12_000_000, "2026-01-01"), "If-Match", "\"1\"");
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
            assertThat(decide(id, insurer("3343"), "\"p2-1\"", ACCEPT).statusCode()).isEqualTo(200);

            HttpResponse<String> current = getAs(provider(gpAgb), CONTRACTS + "/" + id);
            assertThat(current.headers().firstValue("ETag")).contains("\"1\"");
            assertThat(json(current).get("version").asInt()).isEqualTo(1);
            assertThat(json(current).get("status").asString()).isEqualTo("ACTIVE");
            assertThat(json(current).get("budget").get("lumpSumCents").asLong()).isEqualTo(10_000_000L);
            JsonNode proposal = json(current).get("proposal");
            assertThat(proposal.get("status").asString()).isEqualTo("OPEN");
            assertThat(proposal.get("etag").asString()).isEqualTo("\"p2-2\"");
            assertThat(proposal.get("pendingAcceptances").values()).extracting(p -> p.get("agb").asString())
                    .containsExactly(gpAgb, nurseAgb);
            assertThat(versionsOf(id)).isEqualTo(1);
            awaitOutboxDrained();
            assertThat(topic.eventsWithin(id, Duration.ofSeconds(1))).hasSize(1);

            decide(id, provider(gpAgb), "\"p2-2\"", ACCEPT);
            HttpResponse<String> last = decide(id, provider(nurseAgb), "\"p2-3\"", ACCEPT);

            assertThat(json(last).get("version").asInt()).isEqualTo(2);
            assertThat(json(last).get("budget").get("lumpSumCents").asLong()).isEqualTo(12_000_000L);
            List<ContractVersionPublished> events = topic.awaitEvents(id, 2, Duration.ofSeconds(30)).stream()
                    .map(ContractEventsOnTopic.Received::event).toList();
            assertThat(events).extracting(ContractVersionPublished::getChange)
                    .containsExactly(ContractChange.REGISTERED, ContractChange.AMENDED);
            assertThat(events.get(1).getContract().getBudget().getLumpSumCents()).isEqualTo(12_000_000L);
        }
    }

    @Test
    void anInsurerCannotDropAnotherInsurerAlone_theDroppedInsurerIsAsked_andItsDeclineKeepsItAParty() {
        ObjectNode contract = ownContract();
        String id = register(contract);
        ObjectNode alone = contract.deepCopy();
        alone.putArray("insurers").addObject().put("uzovi", "3311").put("name", "Zorgverzekeraar A");
        alone.putObject("purchasing").put("type", "SINGLE");
        ObjectNode amendment = JSON.createObjectNode().put("effectiveFrom", "2026-01-01");
        amendment.set("contract", alone);

        HttpResponse<String> proposed = post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "\"1\"");

        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        assertThat(json(proposed).get("proposal").get("pendingAcceptances").values())
                .extracting(party -> party.get("role").asString()).containsExactly("INSURER", "PROVIDER", "PROVIDER");
        assertThat(json(proposed).get("proposal").get("pendingAcceptances").get(0).get("uzovi").asString())
                .isEqualTo("3343");
        HttpResponse<String> declined = decide(id, insurer("3343"), "\"p2-1\"",
                "{\"decision\":\"DECLINE\",\"reason\":\"Wij blijven deelnemen\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        JsonNode seenBy3343 = json(getAs(insurer("3343"), CONTRACTS + "/" + id));
        assertThat(seenBy3343.get("version").asInt()).isEqualTo(1);
        assertThat(seenBy3343.get("insurers").values()).extracting(i -> i.get("uzovi").asString())
                .containsExactly("3311", "3343");
        assertThat(seenBy3343.get("proposal").get("status").asString()).isEqualTo("DECLINED");
        assertThat(versionsOf(id)).isEqualTo(1);
    }

    @Test
    void anInsurerCannotTerminateAlone_theContractStaysActiveUntilEveryPartyAccepted() {
        String id = register(ownContract());

        HttpResponse<String> proposed = post(CONTRACTS + "/" + id + "/termination", "{\"endDate\":\"2025-12-31\"}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        assertThat(json(proposed).get("proposal").get("pendingAcceptances")).hasSize(3);
        decide(id, insurer("3343"), "\"p2-1\"", ACCEPT);
        decide(id, provider(gpAgb), "\"p2-2\"", ACCEPT);

        assertThat(json(get(CONTRACTS + "/" + id)).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(versionsOf(id)).isEqualTo(1);
        HttpResponse<String> last = decide(id, provider(nurseAgb), "\"p2-3\"", ACCEPT);
        assertThat(json(last).get("status").asString()).isEqualTo("TERMINATED");
        assertThat(json(last).get("validUntil").asString()).isEqualTo("2025-12-31");
    }

    @Test
    void onlyTheProposerWithdraws_withTheCurrentETag_andNothingTakesEffect() {
        ObjectNode contract = ownContract();
        String id = register(contract);
        HttpResponse<String> proposed = post(CONTRACTS + "/" + id + "/amendments",
                ContractLifecycleIT.amendment(contract, 12_000_000, "2026-01-01"), "If-Match", "\"1\"");
        assertThat(proposed.statusCode()).isEqualTo(201);
        decide(id, insurer("3343"), "\"p2-1\"", ACCEPT);
        String path = CONTRACTS + "/" + id + "/proposal";

        assertProblem(deleteAs(insurer("3343"), path, "If-Match", "\"p2-2\""), 403, "not-the-proposer");
        assertProblem(deleteAs(insurer("3311"), path), 428, "precondition-required");
        assertProblem(deleteAs(insurer("3311"), path, "If-Match", "\"p2-1\""), 412, "proposal-mismatch");
        HttpResponse<String> withdrawn = deleteAs(insurer("3311"), path, "If-Match", "\"p2-2\"");
        HttpResponse<String> again = deleteAs(insurer("3311"), path, "If-Match", "\"p2-2\"");

        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.headers().firstValue("ETag")).contains("\"p2-3\"");
        assertThat(json(withdrawn).get("proposal").get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(json(withdrawn).get("version").asInt()).isEqualTo(1);
        assertThat(again.statusCode()).as("withdrawing again changes nothing").isEqualTo(200);
        assertThat(again.headers().firstValue("ETag")).contains("\"p2-3\"");
        assertProblem(decide(id, provider(gpAgb), "\"p2-3\"", ACCEPT), 409, "illegal-transition");
        assertThat(versionsOf(id)).isEqualTo(1);
        assertThat(json(get(CONTRACTS + "/" + id)).get("budget").get("lumpSumCents").asLong()).isEqualTo(10_000_000L);
        HttpResponse<String> next = post(CONTRACTS + "/" + id + "/termination", "{\"endDate\":\"2025-12-31\"}");
        assertThat(next.statusCode()).as("no proposal open any more").isEqualTo(201);
        assertThat(next.headers().firstValue("ETag")).contains("\"p3-1\"");
    }

    @Test
    void aWithdrawnRegistration_neverTakesEffect() {
        String id = json(propose(ownContract())).get("id").asString();

        HttpResponse<String> withdrawn = deleteAs(insurer("3311"), CONTRACTS + "/" + id + "/proposal", "If-Match", "\"p1-1\"");

        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(json(withdrawn).get("status").asString()).isEqualTo("WITHDRAWN");
        assertProblem(decide(id, insurer("3343"), "\"p1-2\"", ACCEPT), 409, "illegal-transition");
        assertThat(versionsOf(id)).isZero();
    }

    @Test
    void aStaleOrMissingOrWildcardIfMatch_isRefused_andChangesNothing() {
        String id = json(propose(ownContract())).get("id").asString();
        assertThat(decide(id, insurer("3343"), "\"p1-1\"", ACCEPT).statusCode()).isEqualTo(200);

        JsonNode stale = assertProblem(decide(id, provider(gpAgb), "\"p1-1\"", ACCEPT), 412, "proposal-mismatch");
        assertThat(stale.get("detail").asString()).contains("p1-2");
        assertProblem(post(CONTRACTS + "/" + id + "/acceptances", ACCEPT, "Authorization", "Bearer " + provider(gpAgb)),
                428, "precondition-required");
        assertProblem(decide(id, provider(gpAgb), "*", ACCEPT), 412, "proposal-mismatch");
        assertProblem(decide(id, provider(gpAgb), "\"1\"", ACCEPT), 412, "proposal-mismatch");

        assertThat(json(get(CONTRACTS + "/" + id)).get("proposal").get("decisions")).hasSize(1);
    }

    @Test
    void aPartyNotAsked_gets404_exactlyLikeAnUnknownContract() {
        String id = json(propose(ownContract())).get("id").asString();
        String unknown = UUID.randomUUID().toString();

        for (String token : List.of(insurer("7029"), provider(randomAgb()), insurer("3311"))) {
            HttpResponse<String> theirs = decide(id, token, "\"p1-1\"", ACCEPT);
            HttpResponse<String> none = decide(unknown, token, "\"p1-1\"", ACCEPT);

            assertProblem(theirs, 404, "proposal-not-found");
            assertThat(theirs.body().replace(id, "ID")).isEqualTo(none.body().replace(unknown, "ID"));
        }
        assertThat(json(get(CONTRACTS + "/" + id)).get("proposal").get("decisions")).isEmpty();
    }

    @Test
    void aSecondOpenProposal_is409_proposalOpen() {
        ObjectNode contract = ownContract();
        String proposedOnly = json(propose(contract.deepCopy().put("reference", "IT-" + UUID.randomUUID()))).get("id")
                .asString();
        String id = register(contract);
        assertThat(post(CONTRACTS + "/" + id + "/amendments", ContractLifecycleIT.amendment(contract, 12_000_000,
                "2026-01-01"), "If-Match", "\"1\"").statusCode()).isEqualTo(201);

        JsonNode second = assertProblem(post(CONTRACTS + "/" + id + "/termination", "{\"endDate\":\"2025-12-31\"}"), 409,
                "proposal-open");
        assertThat(second.get("detail").asString()).contains("p2-1").contains("AMENDMENT");
        assertProblem(post(CONTRACTS + "/" + id + "/amendments", ContractLifecycleIT.amendment(contract, 13_000_000,
                "2026-01-01"), "If-Match", "*"), 409, "proposal-open");
        assertProblem(post(CONTRACTS + "/" + proposedOnly + "/termination", "{\"endDate\":\"2025-12-31\"}"), 409,
                "proposal-open");
        assertThat(jdbc.sql("select count(*) from contract_proposal where contract_id = cast(? as uuid)").param(id)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aDecisionMustBeReadable_andADeclineSaysWhy() {
        String id = json(propose(ownContract())).get("id").asString();

        assertThat(fields(assertProblem(decide(id, insurer("3343"), "\"p1-1\"", "{\"decision\":\"DECLINE\"}"), 400,
                "invalid-request"))).containsExactly("reason");
        assertThat(fields(assertProblem(decide(id, insurer("3343"), "\"p1-1\"", "{}"), 400, "invalid-request")))
                .containsExactly("decision");
        assertProblem(decide(id, insurer("3343"), "\"p1-1\"", "{\"decision\":\"MAYBE\"}"), 400, "unreadable-request");
        assertThat(json(get(CONTRACTS + "/" + id)).get("proposal").get("decisions")).isEmpty();
    }

    @Test
    void proposedRegistrations_areFoundByTheirParties_withStatusProposed() {
        String id = json(propose(ownContract())).get("id").asString();

        JsonNode found = json(getAs(provider(nurseAgb), CONTRACTS + "?status=PROPOSED&size=200"));
        assertThat(found.get("items").values()).extracting(item -> item.get("id").asString()).containsExactly(id);
        assertThat(found.get("items").get(0).get("proposal").get("status").asString()).isEqualTo("OPEN");
        assertThat(json(getAs(provider(nurseAgb), CONTRACTS + "?status=ACTIVE&size=200")).get("items")).isEmpty();
    }

    @Test
    void theProposalItself_isReadable_withItsETag() {
        HttpResponse<String> proposed = propose(ownContract());
        String id = json(proposed).get("id").asString();
        decide(id, insurer("3343"), "\"p1-1\"", ACCEPT);

        HttpResponse<String> read = getAs(provider(gpAgb), CONTRACTS + "/" + id + "/proposal");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains("\"p1-2\"");
        assertThat(json(read).get("kind").asString()).isEqualTo("REGISTRATION");
        assertThat(json(read).get("asked")).hasSize(3);
        assertThat(json(read).get("pendingAcceptances").values()).extracting(p -> p.get("agb").asString())
                .containsExactly(gpAgb, nurseAgb);
        assertThat(json(read).get("contract").get("reference").asString())
                .isEqualTo(json(proposed).get("reference").asString());
    }

    /** The manual example with Zvw providers of its own, so it overlaps no other test's contract. */
    private ObjectNode ownContract() {
        ObjectNode contract = aContract();
        at(contract, "parties", 0).put("agb", gpAgb);
        at(contract, "parties", 1).put("agb", nurseAgb);
        return contract;
    }

    private long versionsOf(String id) {
        return jdbc.sql("select count(*) from contract_version where contract_id = cast(? as uuid)").param(id)
                .query(Long.class).single();
    }

    static String randomAgb() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
