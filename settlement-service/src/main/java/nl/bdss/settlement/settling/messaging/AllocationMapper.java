package nl.bdss.settlement.settling.messaging;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationLine;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.allocation.PayeeVat;
import nl.bdss.events.allocation.YearShares;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount;
import nl.bdss.settlement.settling.application.AllocationReceived;
import nl.bdss.settlement.settling.domain.AllocatedPeriod;
import nl.bdss.settlement.settling.domain.PayableLine;
import nl.bdss.settlement.settling.domain.SettlementTarget;

/**
 * Reads from an AllocationCalculated only what settlement needs. Lines of other domains than Zvw are dropped here:
 * each domain funds its own contribution, insurers never pay them (R7). The service-area counts are kept for risk
 * equalisation (R19), per contract year. With per-year shares ({@code yearShares}), the years listed PENDING are
 * passed on: their periods are not in the event and settlement leaves them as they are. Invalid data throws
 * IllegalArgumentException.
 */
final class AllocationMapper {

    private AllocationMapper() {
    }

    static AllocationReceived toCommand(AllocationCalculated event) {
        boolean complete = event.getStatus() == AllocationStatus.COMPLETE;
        // with per-year shares the periods are those of the complete years, paid also when another year is PENDING
        boolean perYear = !event.getYearShares().isEmpty();
        Map<Integer, String> pendingYears = new TreeMap<>();
        for (YearShares year : event.getYearShares()) {
            if (year.getStatus() == AllocationStatus.PENDING) {
                pendingYears.put(year.getYear(), year.getPendingReason());
            }
        }
        List<AllocatedPeriod> periods = complete || perYear
                ? event.getPeriods().stream().map(p -> period(event.getContractId(), p)).toList()
                : List.of();
        return new AllocationReceived(event.getEventId(), event.getContractId(), event.getAllocationVersion(),
                event.getContractVersion(), complete, event.getPendingReason(), event.getValidFrom(),
                event.getValidUntil(), PaymentTiming.valueOf(event.getPaymentTiming().name()), periods,
                serviceAreaCounts(event), perYear, pendingYears, event.getContractReference(),
                event.getPaymentSchedule() == null ? null : PaymentSchedule.valueOf(event.getPaymentSchedule().name()),
                payeeVat(event));
    }

    /** The VAT treatment per payee (R10); a treatment the kernel refuses (a missing rate) throws. */
    private static Map<String, Vat> payeeVat(AllocationCalculated event) {
        Map<String, Vat> vat = new TreeMap<>();
        for (PayeeVat payee : event.getPayeeVat()) {
            Vat stated = new Vat(Vat.Treatment.valueOf(payee.getTreatment().name()), payee.getRateBasisPoints());
            if (vat.put(payee.getPayeeAgb(), stated) != null) {
                throw new IllegalArgumentException("payee " + payee.getPayeeAgb() + " has two VAT treatments (R10)");
            }
        }
        return vat;
    }

    /**
     * The counts per contract year from {@code yearShares}; an event without them (a single insurer, or written
     * before per-year shares) has one set of counts for every year.
     */
    private static List<ServiceAreaCount> serviceAreaCounts(AllocationCalculated event) {
        if (event.getYearShares().isEmpty()) {
            return event.getServiceAreaCounts().stream()
                    .map(c -> new ServiceAreaCount(c.getUzovi(), c.getPostcode(), c.getInsuredCount()))
                    .toList();
        }
        return event.getYearShares().stream()
                .flatMap(year -> year.getServiceAreaCounts().stream()
                        .map(c -> new ServiceAreaCount(c.getUzovi(), c.getPostcode(), c.getInsuredCount(), year.getYear())))
                .toList();
    }

    private static AllocatedPeriod period(String contractId, AllocationPeriod period) {
        Period settlementPeriod = new Period(period.getPeriodStart(), period.getPeriodEnd());
        List<PayableLine> lines = period.getLines().stream()
                .filter(line -> line.getDomain() == LegalDomain.ZVW)
                .map(line -> payable(contractId, settlementPeriod, line))
                .toList();
        return new AllocatedPeriod(settlementPeriod, lines);
    }

    private static PayableLine payable(String contractId, Period period, AllocationLine line) {
        return new PayableLine(new SettlementTarget(contractId, period.start(), line.getUzovi(), line.getPayeeAgb(),
                line.getSector()), line.getPayeePartyKey(), line.getAmountCents());
    }
}
