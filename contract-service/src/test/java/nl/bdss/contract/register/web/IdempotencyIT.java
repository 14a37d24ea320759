package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Idempotency-Key: a retried POST gives the first response again and never creates a second contract. */
class IdempotencyIT extends ContractApiSupport {

    @Test
    void sameKeyAndBody_givesTheSameResponse_andOneContract() {
        ObjectNode contract = aContract();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(CONTRACTS, contract, "Idempotency-Key", key);
        HttpResponse<String> retry = post(CONTRACTS, contract, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(contractsWithReference(contract)).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBody_isRefusedWith422() {
        ObjectNode contract = aContract();
        String key = UUID.randomUUID().toString();
        assertThat(post(CONTRACTS, contract, "Idempotency-Key", key).statusCode()).isEqualTo(201);
        ObjectNode other = contract.deepCopy();
        other.put("title", "Een andere titel");

        HttpResponse<String> response = post(CONTRACTS, other, "Idempotency-Key", key);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:bdss:problem:idempotency-key-reused");
        assertThat(contractsWithReference(contract)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicates_createOneContract() throws Exception {
        ObjectNode contract = aContract();
        String key = UUID.randomUUID().toString();
        int clients = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                responses.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return post(CONTRACTS, contract, "Idempotency-Key", key);
                }, pool));
            }
            start.countDown();

            List<HttpResponse<String>> done = responses.stream().map(CompletableFuture::join).toList();
            assertThat(done).extracting(HttpResponse::statusCode).containsOnly(201);
            assertThat(done).extracting(response -> json(response).get("id").asString()).containsOnly(
                    json(done.get(0)).get("id").asString());
            assertThat(contractsWithReference(contract)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusedRequest_isReplayed_andItsKeyCannotCarryACorrectedBody() {
        ObjectNode contract = aContract();
        ObjectNode invalid = contract.deepCopy();
        obj(invalid, "budget").put("lumpSumCents", -5);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> refused = post(CONTRACTS, invalid, "Idempotency-Key", key);
        HttpResponse<String> retry = post(CONTRACTS, invalid, "Idempotency-Key", key);
        HttpResponse<String> corrected = post(CONTRACTS, contract, "Idempotency-Key", key);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(retry.statusCode()).isEqualTo(422);
        assertThat(retry.body()).isEqualTo(refused.body());
        assertThat(retry.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(corrected.statusCode()).isEqualTo(422);
        assertThat(json(corrected).get("type").asString()).isEqualTo("urn:bdss:problem:idempotency-key-reused");
        assertThat(contractsWithReference(contract)).isZero();
        assertThat(post(CONTRACTS, contract, "Idempotency-Key", UUID.randomUUID().toString()).statusCode()).isEqualTo(201);
    }

    @Test
    void refusalWithAKey_readsExactlyLikeTheSameRefusalWithout() {
        ObjectNode invalid = aContract();
        obj(invalid, "budget").put("lumpSumCents", -5);

        HttpResponse<String> keyed = post(CONTRACTS, invalid, "Idempotency-Key", UUID.randomUUID().toString());
        HttpResponse<String> plain = post(CONTRACTS, invalid);

        assertThat(keyed.statusCode()).isEqualTo(plain.statusCode()).isEqualTo(422);
        assertThat(json(keyed)).isEqualTo(json(plain));
        assertThat(keyed.headers().firstValue("Content-Type")).isEqualTo(plain.headers().firstValue("Content-Type"));
    }

    @Test
    void stateDependentRefusal_staysTheOutcomeOfItsKey_evenAfterTheContractChanged() {
        ObjectNode contract = aContract();
        String id = register(contract);
        String key = UUID.randomUUID().toString();
        String termination = "{\"endDate\":\"2027-06-30\"}";

        HttpResponse<String> refused = post(CONTRACTS + "/" + id + "/termination", termination, "Idempotency-Key", key);
        ObjectNode longer = contract.deepCopy();
        longer.put("validUntil", "2027-12-31");
        ObjectNode extension = JSON.createObjectNode().put("effectiveFrom", "2025-01-01");
        extension.set("contract", longer);
        amendAccepted(id, extension, "*");
        HttpResponse<String> retry = post(CONTRACTS + "/" + id + "/termination", termination, "Idempotency-Key", key);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(retry.body()).isEqualTo(refused.body());
        assertThat(json(get(CONTRACTS + "/" + id)).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(post(CONTRACTS + "/" + id + "/termination", termination, "Idempotency-Key", UUID.randomUUID().toString())
                .statusCode()).isEqualTo(201);
    }

    @Test
    void staleVersionRefusal_isReplayed_andANewIfMatchNeedsANewKey() {
        ObjectNode contract = aContract();
        String id = register(contract);
        amendAccepted(id, ContractLifecycleIT.amendment(contract, 11_000_000, "2025-06-01"), "\"1\"");
        ObjectNode amendment = ContractLifecycleIT.amendment(contract, 12_000_000, "2026-01-01");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> stale = post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "\"1\"", "Idempotency-Key", key);
        HttpResponse<String> retry = post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "\"1\"", "Idempotency-Key", key);
        HttpResponse<String> reRead = post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "\"2\"", "Idempotency-Key", key);

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(retry.body()).isEqualTo(stale.body());
        assertThat(reRead.statusCode()).isEqualTo(422);
        assertThat(json(reRead).get("type").asString()).isEqualTo("urn:bdss:problem:idempotency-key-reused");
        assertThat(json(get(CONTRACTS + "/" + id)).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void requestRefusedBeforeItRan_doesNotUseUpItsKey() {
        ObjectNode contract = aContract();
        String id = register(contract);
        ObjectNode amendment = ContractLifecycleIT.amendment(contract, 12_000_000, "2026-01-01");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> withoutIfMatch = post(CONTRACTS + "/" + id + "/amendments", amendment, "Idempotency-Key", key);
        HttpResponse<String> fixed = post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "\"1\"", "Idempotency-Key", key);

        assertThat(withoutIfMatch.statusCode()).isEqualTo(428);
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(201);
    }

    @Test
    void concurrentDuplicatesOfARefusedRequest_allGetTheSameRefusal() throws Exception {
        ObjectNode invalid = aContract();
        obj(invalid, "budget").put("lumpSumCents", -5);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                responses.add(CompletableFuture.supplyAsync(() -> post(CONTRACTS, invalid, "Idempotency-Key", key), pool));
            }

            List<HttpResponse<String>> done = responses.stream().map(CompletableFuture::join).toList();
            assertThat(done).extracting(HttpResponse::statusCode).containsOnly(422);
            assertThat(done).extracting(HttpResponse::body).containsOnly(done.get(0).body());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void retriedAmendment_isAppliedOnce() {
        ObjectNode contract = aContract();
        String id = register(contract);
        ObjectNode amendment = ContractLifecycleIT.amendment(contract, 12_000_000, "2026-01-01");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "\"1\"", "Idempotency-Key", key);
        HttpResponse<String> retry = post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "\"1\"", "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(proposalsOf(id)).as("the registration and one amendment").isEqualTo(2);
        assertThat(json(acceptAll(id, first)).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void retriedAcceptance_isRecordedOnce_withAKeyOrWithout() {
        HttpResponse<String> proposed = propose(aContract());
        String id = json(proposed).get("id").asString();
        String key = UUID.randomUUID().toString();
        String accept = "{\"decision\":\"ACCEPT\"}";

        HttpResponse<String> first = decide(id, insurer("3343"), "\"p1-1\"", accept, "Idempotency-Key", key);
        HttpResponse<String> keyed = decide(id, insurer("3343"), "\"p1-1\"", accept, "Idempotency-Key", key);
        HttpResponse<String> plain = decide(id, insurer("3343"), "\"p1-1\"", accept);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(keyed.body()).isEqualTo(first.body());
        assertThat(plain.statusCode()).as("the same answer again, with the ETag read before it").isEqualTo(200);
        assertThat(plain.headers().firstValue("ETag")).contains("\"p1-2\"");
        assertThat(json(plain).get("proposal").get("decisions")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from contract_proposal_decision d join contract_proposal p on p.id = d.proposal_id"
                + " where p.contract_id = cast(? as uuid)").param(id).query(Long.class).single()).isEqualTo(1);
    }

    private long proposalsOf(String id) {
        return jdbc.sql("select count(*) from contract_proposal where contract_id = cast(? as uuid)").param(id)
                .query(Long.class).single();
    }

    private long contractsWithReference(ObjectNode contract) {
        return jdbc.sql("select count(*) from contract where reference = ?").param(contract.get("reference").asString())
                .query(Long.class).single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
