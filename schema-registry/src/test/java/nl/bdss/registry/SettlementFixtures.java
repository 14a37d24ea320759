package nl.bdss.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;

/** Settlement events for the wire-format tests: the manual example's first payment instruction. */
final class SettlementFixtures {

    private SettlementFixtures() {
    }

    static SettlementBooked aSettlement() {
        return SettlementBooked.newBuilder()
                .setEventId(UUID.fromString("5b0f6d1e-8a37-4c1b-9d7e-2f4a6c8e0b13"))
                .setOccurredAt(Instant.parse("2025-01-01T00:00:00Z"))
                .setContractId("c-1")
                .setSequence(1)
                .setEntryId("c-1|2025-01-01|3311|01012345|HUISARTSENZORG|LUMP_SUM")
                .setKind(SettlementKind.LUMP_SUM)
                .setPeriodStart(LocalDate.of(2025, 1, 1))
                .setPeriodEnd(LocalDate.of(2025, 12, 31))
                .setUzovi("3311")
                .setPayeeAgb("01012345")
                .setPayeePartyKey("hap-west")
                .setSector("HUISARTSENZORG")
                .setAmountCents(2_100_000L)
                .setAllocationVersion(1)
                .setCause("test")
                .build();
    }
}
