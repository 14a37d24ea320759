package nl.bdss.reporting.monitor.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import nl.bdss.reporting.monitor.domain.NzaMonitor;

/**
 * The NZa monitor (R20) as the caller is shown it, in the shape it always had ({@link NzaMonitor}): a figure withheld
 * from an insurer (small cells, {@link NzaMonitor#shownTo}) is written as null and the object holding it carries
 * {@code "suppressed": true}; a figure shown is as before, and an answer with nothing withheld has no
 * {@code suppressed} field at all.
 */
public record MonitorView(int year, @JsonInclude(Include.ALWAYS) Long contractCount,
        @JsonInclude(Include.ALWAYS) Long totalBudgetAllDomainsCents,
        @JsonInclude(Include.ALWAYS) Long totalBudgetZvwCents, List<Sector> sectors,
        @JsonInclude(Include.ALWAYS) Long insurerCount, @JsonInclude(Include.ALWAYS) Long providerCount,
        @JsonInclude(Include.ALWAYS) Long chargedTotalCents, @JsonInclude(Include.ALWAYS) Long unfundedZvwCents,
        List<Domain> otherDomains, @JsonInclude(Include.ALWAYS) Long doubleFundingMeasureContractCount,
        Boolean suppressed) {

    public record Sector(String sector, @JsonInclude(Include.ALWAYS) Long contractCount,
            @JsonInclude(Include.ALWAYS) Long chargedCents, @JsonInclude(Include.ALWAYS) Long budgetCents,
            Boolean suppressed) {
    }

    public record Domain(String domain, @JsonInclude(Include.ALWAYS) Long contractCount,
            @JsonInclude(Include.ALWAYS) Long recordedCents, Boolean suppressed) {
    }

    public static MonitorView of(NzaMonitor.Shown shown) {
        return new MonitorView(shown.year(), shown.contractCount(), shown.totalBudgetAllDomainsCents(),
                shown.totalBudgetZvwCents(),
                shown.sectors().stream().map(s -> new Sector(s.sector(), s.contractCount(), s.chargedCents(),
                        s.budgetCents(), flag(s.suppressed()))).toList(),
                shown.insurerCount(), shown.providerCount(), shown.chargedTotalCents(), shown.unfundedZvwCents(),
                shown.otherDomains().stream().map(d -> new Domain(d.domain(), d.contractCount(), d.recordedCents(),
                        flag(d.suppressed()))).toList(),
                shown.doubleFundingMeasureContractCount(), flag(shown.suppressed()));
    }

    private static Boolean flag(boolean suppressed) {
        return suppressed ? Boolean.TRUE : null;
    }
}
