package nl.bdss.contract.register.messaging;

import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.bdss.contract.ContractAllocationProperties;
import nl.bdss.contract.register.application.AllocationUnavailableException;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractDecision;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.messaging.serde.TrustedEventClasses;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

class AllocationPreviewClientTest {

    private static final Instant AT = Instant.parse("2025-01-10T09:00:00Z");

    static {
        TrustedEventClasses.trust(); // Avro builds only trusted classes when it reads
    }

    @Test
    void theRequestBody_isAvroJsonThatReadsBackAsTheSameEvent() throws IOException {
        ContractVersionPublished event = ContractEventPublisher.event(registered(), ContractChange.REGISTERED, List.of(), AT);

        String json = AllocationPreviewClient.avroJson(event);

        ContractVersionPublished read = new SpecificDatumReader<>(ContractVersionPublished.class).read(null,
                DecoderFactory.get().jsonDecoder(ContractVersionPublished.getClassSchema(), json));
        assertThat(read).isEqualTo(event);
        // Avro's JSON encoding: a union value names its branch, a date is its day number (2025-01-01 = day 20089)
        assertThat(json).contains("\"agb\":{\"string\":\"01012345\"}").contains("\"effectiveFrom\":20089");
    }

    @Test
    void anAllocationThatCannotBeReached_isUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AllocationPreviewClient client = new AllocationPreviewClient(new ContractAllocationProperties(
                URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(1), Duration.ofSeconds(1)));

        assertThatThrownBy(() -> client.preview(registered(), ContractChange.REGISTERED, List.of(), AT, "Bearer x"))
                .isInstanceOf(AllocationUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    private static Contract registered() {
        return ((ContractDecision.Changed) Contract.register(ContractId.random(), manualExample(), RULES, SECTORS)).contract();
    }
}
