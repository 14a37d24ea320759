package nl.bdss.contract;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bdss.contract.allocation-*}: where allocation-service answers previews of what a contract version would make
 * each party pay or receive ({@code POST <allocation-url>/api/v1/allocations/preview}), and how long to wait for it.
 *
 * @param allocationUrl            base URL of allocation-service, default {@code http://localhost:8092}
 * @param allocationConnectTimeout the longest wait for a connection, default 2 s
 * @param allocationReadTimeout    the longest wait for the answer once connected, default 10 s
 */
@ConfigurationProperties("bdss.contract")
public record ContractAllocationProperties(
        @DefaultValue("http://localhost:8092") URI allocationUrl,
        @DefaultValue("2s") Duration allocationConnectTimeout,
        @DefaultValue("10s") Duration allocationReadTimeout) {
}
