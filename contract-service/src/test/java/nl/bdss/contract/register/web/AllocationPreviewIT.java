package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.at;
import static nl.bdss.contract.register.web.ContractRulesIT.obj;
import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractStatus;
import nl.bdss.events.contract.ContractVersionPublished;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * "Know what you accept": a preview asks allocation-service, with the event the version would be published with and
 * the caller's own token, and passes allocation's answer on; nothing is stored or published. Allocation is stood in
 * at its HTTP edge ({@link AllocationStandIn}), which reads the request as allocation does.
 */
class AllocationPreviewIT extends ContractApiSupport {

    /** What allocation answers in the tests: a canned preview, passed on as it is. */
    private static final String PREVIEW = """
            {"status":"COMPLETE","periods":[{"start":"2025-01-01","end":"2025-12-31","lines":[{"domain":"ZVW",\
            "sector":"HUISARTSENZORG","uzovi":"3311","payeeAgb":"01012345","amountCents":2100000}]}],\
            "marketShares":[{"uzovi":"3311","basisPoints":6000}]}""";

    private final AllocationStandIn allocation = AllocationStandIn.get();
    private final String gpAgb = ProposalIT.randomAgb();
    private final String nurseAgb = ProposalIT.randomAgb();

    @Test
    void aDraftPreview_asksAllocationWithTheEventItWouldPublish_relayingTheToken_andPassesItsAnswerOn() {
        allocation.answer(200, "application/json", PREVIEW, Duration.ZERO);
        ObjectNode draft = aContract();
        String token = insurer("3311");
        long contractsBefore = storedContracts();
        awaitOutboxDrained();

        HttpResponse<String> response = postAs(token, CONTRACTS + "/preview", draft);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(PREVIEW);
        AllocationStandIn.Received received = allocation.received();
        assertThat(received.authorization()).isEqualTo("Bearer " + token);
        assertThat(received.contentType()).isEqualTo("application/vnd.bdss.contract-version+json");
        ContractVersionPublished event = received.event();
        assertThat(UUID.fromString(event.getContractId())).as("a fresh id for the draft").isNotNull();
        assertThat(event.getVersion()).isEqualTo(1);
        assertThat(event.getChange()).isEqualTo(ContractChange.REGISTERED);
        assertThat(event.getEffectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(event.getContract().getStatus()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(event.getContract().getReference()).isEqualTo(draft.get("reference").asString());
        assertThat(event.getContract().getBudget().getLumpSumCents()).isEqualTo(10_000_000L);
        assertThat(event.getContract().getInsurers()).extracting(i -> i.getUzovi()).containsExactly("3311", "3343");
        assertThat(event.getContract().getParties()).extracting(p -> p.getAgb())
                .containsExactly("01012345", "75750123", null, null);

        assertThat(storedContracts()).as("nothing stored").isEqualTo(contractsBefore);
        assertThat(jdbc.sql("select count(*) from contract where id = cast(? as uuid)").param(event.getContractId())
                .query(Long.class).single()).isZero();
        assertThat(outbox.pending()).as("nothing published").isZero();
    }

    @Test
    void aDraftBreakingARule_is422_andAllocationIsNotAsked() {
        allocation.answer(200, "application/json", PREVIEW, Duration.ZERO);
        ObjectNode draft = aContract();
        obj(draft, "budget").put("lumpSumCents", 0);

        assertProblem(postAs(insurer("3311"), CONTRACTS + "/preview", draft), 422, "contract-rules-violated");
        assertThat(allocation.requests()).isZero();
    }

    @Test
    void aDraftThatDoesNotNameTheCaller_is403_andAllocationIsNotAsked() {
        allocation.answer(200, "application/json", PREVIEW, Duration.ZERO);

        assertProblem(postAs(insurer("7029"), CONTRACTS + "/preview", aContract()), 403, "not-a-party");
        assertProblem(postAs(provider(ProposalIT.randomAgb()), CONTRACTS + "/preview", aContract()), 403, "not-a-party");
        assertThat(allocation.requests()).isZero();
    }

    @Test
    void aProviderPreviewsADraftNamingIt_withItsOwnToken() {
        allocation.answer(200, "application/json", PREVIEW, Duration.ZERO);
        String token = provider("75750123");

        HttpResponse<String> response = postAs(token, CONTRACTS + "/preview", aContract());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(allocation.received().authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void theProposalPreview_asksForTheVersionTheAmendmentWouldMake_withTheCallersToken() {
        ObjectNode contract = ownContract();
        String id = register(contract);
        HttpResponse<String> proposed = post(CONTRACTS + "/" + id + "/amendments",
                ContractLifecycleIT.amendment(contract, 12_000_000, "2026-01-01"), "If-Match", "\"1\"");
        assertThat(proposed.statusCode()).isEqualTo(201);
        String corrections = "{\"status\":\"COMPLETE\",\"corrections\":[{\"periodStart\":\"2026-01-01\",\"uzovi\":\"3311\","
                + "\"sector\":\"HUISARTSENZORG\",\"payeeAgb\":\"" + gpAgb + "\",\"deltaCents\":420000}]}";
        allocation.answer(200, "application/json", corrections, Duration.ZERO);
        String token = provider(gpAgb);

        HttpResponse<String> response = getAs(token, CONTRACTS + "/" + id + "/proposal/preview");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(corrections);
        AllocationStandIn.Received received = allocation.received();
        assertThat(received.authorization()).isEqualTo("Bearer " + token);
        assertThat(received.event().getContractId()).isEqualTo(id);
        assertThat(received.event().getVersion()).isEqualTo(2);
        assertThat(received.event().getChange()).isEqualTo(ContractChange.AMENDED);
        assertThat(received.event().getEffectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(received.event().getContract().getBudget().getLumpSumCents()).isEqualTo(12_000_000L);
        assertThat(json(get(CONTRACTS + "/" + id)).get("version").asInt()).as("nothing took effect").isEqualTo(1);
    }

    @Test
    void aRegistrationsPreview_isItsFirstVersion() {
        String id = json(propose(ownContract())).get("id").asString();
        allocation.answer(200, "application/json", PREVIEW, Duration.ZERO);

        HttpResponse<String> response = getAs(insurer("3343"), CONTRACTS + "/" + id + "/proposal/preview");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(allocation.received().event().getContractId()).isEqualTo(id);
        assertThat(allocation.received().event().getVersion()).isEqualTo(1);
        assertThat(allocation.received().event().getChange()).isEqualTo(ContractChange.REGISTERED);
    }

    @Test
    void withoutAnOpenProposal_thereIsNothingToPreview_404() {
        String id = register(ownContract());
        allocation.answer(200, "application/json", PREVIEW, Duration.ZERO);

        assertProblem(getAs(insurer("3311"), CONTRACTS + "/" + id + "/proposal/preview"), 404, "proposal-not-found");
        assertThat(allocation.requests()).isZero();
    }

    @Test
    void allocationsRefusal_isPassedOnAsItIs() {
        String problem = "{\"type\":\"urn:bdss:problem:forbidden\",\"title\":\"Forbidden\",\"status\":403}";
        allocation.answer(403, "application/problem+json", problem, Duration.ZERO);

        HttpResponse<String> response = postAs(insurer("3311"), CONTRACTS + "/preview", aContract());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).isEqualTo(problem);
    }

    @Test
    void allocationFailingOrTooSlow_is503_allocationUnavailable() {
        allocation.answer(500, "application/json", "{}", Duration.ZERO);
        assertProblem(postAs(insurer("3311"), CONTRACTS + "/preview", aContract()), 503, "allocation-unavailable");

        // bdss.contract.allocation-read-timeout is 2 s in these tests
        allocation.answer(200, "application/json", PREVIEW, Duration.ofSeconds(4));
        assertProblem(postAs(insurer("3311"), CONTRACTS + "/preview", aContract()), 503, "allocation-unavailable");
    }

    /** The manual example with Zvw providers of its own, so it overlaps no other test's contract. */
    private ObjectNode ownContract() {
        ObjectNode contract = aContract();
        at(contract, "parties", 0).put("agb", gpAgb);
        at(contract, "parties", 1).put("agb", nurseAgb);
        return contract;
    }
}
