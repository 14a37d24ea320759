package nl.bdss.events;

import java.util.List;
import java.util.Optional;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.reporting.MacroBudgetAlertRaised;
import nl.bdss.events.reporting.SectorLoadChanged;
import nl.bdss.events.settlement.PaymentRunCompleted;
import nl.bdss.events.settlement.ServiceYearClosed;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.kernel.identity.Uzovi;

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

    /** The all-insurer topics (operators, reporting). The per-insurer topics are named by {@link #INSURER_PREFIX}. */
    public static final List<Topic<?>> ALL =
            List.of(CONTRACT_VERSIONS, ALLOCATIONS, SETTLEMENTS, SERVICE_YEARS, PAYMENT_RUNS, SECTOR_LOADS,
            MACRO_BUDGET_ALERTS);

    /**
     * Every per-insurer topic starts with this, then the insurer's UZOVI code and a dot: an insurer's finance system
     * reads {@code bdss.settlement.insurer.<uzovi>.*} and nothing of other insurers (issue 16).
     */
    public static final String INSURER_PREFIX = "bdss.settlement.insurer.";

    private static final String ENTRIES_SUFFIX = "entries";
    private static final String PAYMENT_RUNS_SUFFIX = "payment-runs";

    private Topics() {
    }

    /** The insurer's own copy of {@link #SETTLEMENTS}: {@code bdss.settlement.insurer.<uzovi>.entries}. */
    public static Topic<SettlementBooked> insurerEntries(String uzovi) {
        return Topic.of(insurerTopicName(uzovi, ENTRIES_SUFFIX), SettlementBooked.class);
    }

    /** The insurer's own copy of {@link #PAYMENT_RUNS}: {@code bdss.settlement.insurer.<uzovi>.payment-runs}. */
    public static Topic<PaymentRunCompleted> insurerPaymentRuns(String uzovi) {
        return Topic.of(insurerTopicName(uzovi, PAYMENT_RUNS_SUFFIX), PaymentRunCompleted.class);
    }

    /** A topic of this catalogue by its name: one of {@link #ALL} or a per-insurer topic. */
    public static Topic<?> byName(String name) {
        return ALL.stream()
                .filter(topic -> topic.name().equals(name))
                .findFirst()
                .or(() -> perInsurer(name))
                .orElseThrow(() -> new IllegalArgumentException("Unknown topic " + name));
    }

    private static String insurerTopicName(String uzovi, String suffix) {
        return INSURER_PREFIX + new Uzovi(uzovi).code() + "." + suffix;
    }

    private static Optional<Topic<?>> perInsurer(String name) {
        if (name == null || !name.startsWith(INSURER_PREFIX)) {
            return Optional.empty();
        }
        String rest = name.substring(INSURER_PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0 || !Uzovi.isValid(rest.substring(0, dot))) {
            return Optional.empty();
        }
        String uzovi = rest.substring(0, dot);
        return switch (rest.substring(dot + 1)) {
            case ENTRIES_SUFFIX -> Optional.of(insurerEntries(uzovi));
            case PAYMENT_RUNS_SUFFIX -> Optional.of(insurerPaymentRuns(uzovi));
            default -> Optional.empty();
        };
    }
}
