package nl.bdss.settlement;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.settling.application.AllocationReceived;
import nl.bdss.settlement.settling.domain.AllocatedPeriod;
import nl.bdss.settlement.settling.domain.PayableLine;
import nl.bdss.settlement.settling.domain.SettlementTarget;

/**
 * Allocations as the settling use case receives them, written out line by line for tests that apply them directly
 * (without the topic): every amount is the test's own literal. The payee is the main contractor 01012345.
 */
public final class Allocations {

    public static final String PAYEE = "01012345";

    private Allocations() {
    }

    /** One insurer's amount for one sector in a period. */
    public record Line(String uzovi, String sector, long cents) {
    }

    public static Line line(String uzovi, String sector, long cents) {
        return new Line(uzovi, sector, cents);
    }

    /** A period of a contract with its payable lines. */
    public static AllocatedPeriod period(String contractId, String start, String end, Line... lines) {
        Period period = new Period(LocalDate.parse(start), LocalDate.parse(end));
        return new AllocatedPeriod(period, Arrays.stream(lines)
                .map(line -> new PayableLine(new SettlementTarget(contractId, period.start(), line.uzovi(), PAYEE,
                        line.sector()), "hap-west", line.cents()))
                .toList());
    }

    /** A complete allocation, valid from the first period's start to the last period's end. */
    public static AllocationReceived complete(String contractId, int version, PaymentTiming timing,
            AllocatedPeriod... periods) {
        List<AllocatedPeriod> all = List.of(periods);
        return new AllocationReceived(UUID.randomUUID(), contractId, version, version, true, null,
                all.get(0).period().start(), all.get(all.size() - 1).period().end(), timing, all, List.of());
    }
}
