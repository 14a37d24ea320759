package nl.bdss.events;

import java.util.List;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.reporting.MacroBudgetAlertRaised;
import nl.bdss.events.reporting.SectorLoadChanged;
import nl.bdss.events.settlement.PaymentRunCompleted;
import nl.bdss.events.settlement.ServiceYearClosed;
import nl.bdss.events.settlement.SettlementBooked;

/** The one catalogue of the topics the services publish. Names here are a promise to integrators. */
public final class Topics {

    public static final Topic<ContractVersionPublished> CONTRACT_VERSIONS =
            Topic.of("bdss.contract.versions", ContractVersionPublished.class);

    public static final Topic<AllocationCalculated> ALLOCATIONS =
            Topic.of("bdss.allocation.allocations", AllocationCalculated.class);

    public static final Topic<SettlementBooked> SETTLEMENTS =
            Topic.of("bdss.settlement.entries", SettlementBooked.class);

    public static final Topic<ServiceYearClosed> SERVICE_YEARS =
            Topic.of("bdss.settlement.service-years", ServiceYearClosed.class);

    public static final Topic<PaymentRunCompleted> PAYMENT_RUNS =
            Topic.of("bdss.settlement.payment-runs", PaymentRunCompleted.class);

    public static final Topic<SectorLoadChanged> SECTOR_LOADS =
            Topic.of("bdss.reporting.sector-loads", SectorLoadChanged.class);

    public static final Topic<MacroBudgetAlertRaised> MACRO_BUDGET_ALERTS =
            Topic.of("bdss.reporting.macro-budget-alerts", MacroBudgetAlertRaised.class);

    public static final List<Topic<?>> ALL =
            List.of(CONTRACT_VERSIONS, ALLOCATIONS, SETTLEMENTS, SERVICE_YEARS, PAYMENT_RUNS, SECTOR_LOADS,
            MACRO_BUDGET_ALERTS);

    private Topics() {
    }

    public static Topic<?> byName(String name) {
        return ALL.stream()
                .filter(topic -> topic.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown topic " + name));
    }
}
