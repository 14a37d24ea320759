package nl.bdss.allocation.split.messaging;

import nl.bdss.allocation.split.application.StoredAllocation;
import nl.bdss.allocation.split.domain.AllocatedPeriod;
import nl.bdss.allocation.split.domain.Allocation;
import nl.bdss.allocation.split.domain.AllocationLine;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.allocation.AllocationWarning;
import nl.bdss.events.allocation.MarketShare;
import nl.bdss.events.allocation.PayeeVat;
import nl.bdss.events.allocation.ServiceAreaCount;
import nl.bdss.events.allocation.YearShares;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.common.PaymentTiming;
import nl.bdss.events.common.VatTreatment;

/**
 * Maps a stored allocation onto the public AllocationCalculated event: every array set explicitly, the year shares
 * (empty for a single insurer), the R15 warnings and the cause.
 */
final class AllocationEvents {

    private AllocationEvents() {
    }

    static AllocationCalculated allocationCalculated(StoredAllocation stored) {
        Allocation allocation = stored.allocation();
        return AllocationCalculated.newBuilder()
                .setEventId(stored.eventId())
                .setOccurredAt(stored.calculatedAt())
                .setContractId(stored.contractId())
                .setAllocationVersion(stored.allocationVersion())
                .setContractVersion(stored.contractVersion())
                .setStatus(AllocationStatus.valueOf(allocation.status().name()))
                .setPendingReason(allocation.pendingReason())
                .setValidFrom(allocation.validFrom())
                .setValidUntil(allocation.validUntil())
                .setBudgetPeriod(BudgetPeriod.valueOf(allocation.periodKind().name()))
                .setPaymentTiming(PaymentTiming.valueOf(allocation.paymentTiming().name()))
                .setLumpSumCents(allocation.lumpSumCents())
                .setReferenceDate(allocation.referenceDate())
                .setDatasetId(stored.datasetId() == null ? null : stored.datasetId().toString())
                .setMarketShares(allocation.marketShares().stream()
                        .map(share -> new MarketShare(share.uzovi(), share.insuredCount(), share.basisPoints()))
                        .toList())
                .setServiceAreaCounts(allocation.serviceAreaCounts().stream()
                        .map(count -> new ServiceAreaCount(count.uzovi(), count.postcode(), count.insuredCount()))
                        .toList())
                .setPeriods(allocation.periods().stream().map(AllocationEvents::period).toList())
                .setYearShares(allocation.yearShares().stream().map(AllocationEvents::year).toList())
                .setWarnings(allocation.warnings().stream()
                        .map(warning -> new AllocationWarning(warning.rule(), warning.message())).toList())
                .setCause(stored.cause())
                .setContractReference(stored.contractReference())
                .setPaymentSchedule(nl.bdss.events.common.PaymentSchedule.valueOf(allocation.paymentSchedule().name()))
                .setPayeeVat(allocation.payeeVat().stream()
                        .map(payee -> new PayeeVat(payee.payeeAgb(),
                                VatTreatment.valueOf(payee.vat().treatment().name()), payee.vat().rateBasisPoints()))
                        .toList())
                .build();
    }

    private static YearShares year(nl.bdss.allocation.split.domain.YearShares year) {
        return YearShares.newBuilder()
                .setYear(year.year())
                .setReferenceDate(year.referenceDate())
                .setDatasetId(year.datasetId() == null ? null : year.datasetId().toString())
                .setStatus(AllocationStatus.valueOf(year.status().name()))
                .setPendingReason(year.pendingReason())
                .setMarketShares(year.marketShares().stream()
                        .map(share -> new MarketShare(share.uzovi(), share.insuredCount(), share.basisPoints()))
                        .toList())
                .setServiceAreaCounts(year.serviceAreaCounts().stream()
                        .map(count -> new ServiceAreaCount(count.uzovi(), count.postcode(), count.insuredCount()))
                        .toList())
                .setSettledPeriodsKept(year.settledPeriodsKept())
                .build();
    }

    private static AllocationPeriod period(AllocatedPeriod period) {
        return new AllocationPeriod(period.start(), period.end(), period.amountCents(),
                period.lines().stream().map(AllocationEvents::line).toList());
    }

    private static nl.bdss.events.allocation.AllocationLine line(AllocationLine line) {
        return new nl.bdss.events.allocation.AllocationLine(LegalDomain.valueOf(line.domain().name()), line.sector(),
                line.uzovi(), line.payeeAgb(), line.payeePartyKey(), line.amountCents());
    }
}
