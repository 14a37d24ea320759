package nl.bdss.settlement.settling.messaging;

import java.time.Instant;
import java.util.UUID;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.events.common.VatTreatment;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;
import nl.bdss.settlement.settling.domain.Booking;

/** Maps a booked entry to the public event; like the domain, the event has no insured and no deductible (R8, R16). */
final class SettlementBookedMapper {

    private SettlementBookedMapper() {
    }

    static SettlementBooked toEvent(Booking booking, UUID eventId, Instant occurredAt, long sequence, String cause,
            String contractReference, PaymentTiming timing) {
        return SettlementBooked.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(occurredAt)
                .setContractId(booking.target().contractId())
                .setSequence(sequence)
                .setEntryId(booking.entryKey())
                .setKind(SettlementKind.valueOf(booking.kind().name()))
                .setCorrectsEntryId(booking.correctsEntryKey())
                .setPeriodStart(booking.period().start())
                .setPeriodEnd(booking.period().end())
                .setUzovi(booking.target().uzovi())
                .setPayeeAgb(booking.target().payeeAgb())
                .setPayeePartyKey(booking.payeePartyKey())
                .setSector(booking.target().sector())
                .setAmountCents(booking.amountCents())
                .setAllocationVersion(booking.allocationVersion())
                .setCause(cause)
                .setServiceYear(booking.serviceYear())
                .setBookingYear(booking.bookingYear())
                .setContractReference(contractReference)
                .setDueDate(booking.duePeriod().dueDate(timing))
                .setInstalmentStart(booking.instalment() == null ? null : booking.instalment().start())
                .setInstalmentEnd(booking.instalment() == null ? null : booking.instalment().end())
                .setVatTreatment(booking.vat() == null ? null : VatTreatment.valueOf(booking.vat().treatment().name()))
                .setVatRateBasisPoints(booking.vat() == null ? null : booking.vat().rateBasisPoints())
                .setVatCents(booking.vatCents())
                .build();
    }
}
