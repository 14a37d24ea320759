package nl.bdss.settlement.settling.domain;

import java.util.List;
import nl.bdss.kernel.time.Period;

/** One period of the current allocation with its payable lines. */
public record AllocatedPeriod(Period period, List<PayableLine> lines) {

    public AllocatedPeriod {
        lines = List.copyOf(lines);
        for (PayableLine line : lines) {
            if (!line.target().periodStart().equals(period.start())) {
                throw new IllegalArgumentException("line " + line.target() + " does not belong to period " + period);
            }
        }
    }

    public long payableCents() {
        return lines.stream().mapToLong(PayableLine::amountCents).sum();
    }
}
