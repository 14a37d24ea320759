package nl.bdss.reporting.monitor.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.bdss.reporting.monitor.domain.NzaMonitor;
import nl.bdss.reporting.serviceyear.application.ClosedYearFigures.ShownSplit;

/**
 * The NZa monitor (R20) as the caller is shown it, in the shape it always had ({@link NzaMonitor}): a figure withheld
 * from an insurer (small cells, {@link NzaMonitor#shownTo}) is written as null and the object holding it carries
 * {@code "suppressed": true}; a figure shown is as before, and an answer with nothing withheld has no
 * {@code suppressed} field at all.
 *
 * <p>For a closed year {@code closed} is true with {@code closedAt}, and each sector has {@code chargedAtCloseCents}
 * (charged as closed: the year's entries booked in it) and {@code laterCorrectionsCents} (the year's entries booked
 * in a later year), which add up to its {@code chargedCents}; both null when withheld. An open year's monitor has
 * none of these fields.
 */
public record MonitorView(int year, @JsonInclude(Include.ALWAYS) Long contractCount,
        @JsonInclude(Include.ALWAYS) Long totalBudgetAllDomainsCents,
        @JsonInclude(Include.ALWAYS) Long totalBudgetZvwCents, List<Sector> sectors,
        @JsonInclude(Include.ALWAYS) Long insurerCount, @JsonInclude(Include.ALWAYS) Long providerCount,
        @JsonInclude(Include.ALWAYS) Long chargedTotalCents, @JsonInclude(Include.ALWAYS) Long unfundedZvwCents,
        List<Domain> otherDomains, @JsonInclude(Include.ALWAYS) Long doubleFundingMeasureContractCount,
        Boolean closed, Instant closedAt, Boolean suppressed) {

    public record Sector(String sector, @JsonInclude(Include.ALWAYS) Long contractCount,
            @JsonInclude(Include.ALWAYS) Long chargedCents, @JsonInclude(Include.ALWAYS) Long budgetCents,
            Optional<Long> chargedAtCloseCents, Optional<Long> laterCorrectionsCents, Boolean suppressed) {
    }

    public record Domain(String domain, @JsonInclude(Include.ALWAYS) Long contractCount,
            @JsonInclude(Include.ALWAYS) Long recordedCents, Boolean suppressed) {
    }

    public static MonitorView of(ShownMonitor monitor) {
        NzaMonitor.Shown shown = monitor.figures();
        boolean closed = monitor.closure() != null;
        List<Sector> sectors = shown.sectors().stream().map(s -> {
            ShownSplit split = closed ? monitor.closure().of(s.sector()) : null;
            return new Sector(s.sector(), s.contractCount(), s.chargedCents(), s.budgetCents(),
                    split == null ? null : Optional.ofNullable(split.atCloseCents()),
                    split == null ? null : Optional.ofNullable(split.laterCorrectionsCents()),
                    flag(s.suppressed() || split != null && split.suppressed()));
        }).toList();
        return new MonitorView(shown.year(), shown.contractCount(), shown.totalBudgetAllDomainsCents(),
                shown.totalBudgetZvwCents(), sectors,
                shown.insurerCount(), shown.providerCount(), shown.chargedTotalCents(), shown.unfundedZvwCents(),
                shown.otherDomains().stream().map(d -> new Domain(d.domain(), d.contractCount(), d.recordedCents(),
                        flag(d.suppressed()))).toList(),
                shown.doubleFundingMeasureContractCount(), closed ? Boolean.TRUE : null,
                closed ? monitor.closure().year().closedAt() : null,
                flag(shown.suppressed() || sectors.stream().anyMatch(sector -> sector.suppressed() != null)));
    }

    private static Boolean flag(boolean suppressed) {
        return suppressed ? Boolean.TRUE : null;
    }
}
