package nl.bdss.settlement.settling.web;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import nl.bdss.settlement.settling.application.PeriodClose;
import nl.bdss.settlement.settling.domain.Booking;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator period close: settle everything due on a date, or (dry run, the default) show what that would book. A real
 * close refuses a date after today (422, R8, field {@code date}) and books nothing; a dry run may forecast any date,
 * a future one included, and books nothing either. Each entry names its service year and the year it is (or would
 * be) booked in.
 */
@RestController
class PeriodCloseController {

    private final PeriodClose periodClose;

    PeriodCloseController(PeriodClose periodClose) {
        this.periodClose = periodClose;
    }

    record Entry(String entryId, String kind, String correctsEntryId, String contractId, LocalDate periodStart,
            LocalDate periodEnd, String insurer, String payeeAgb, String sector, long amountCents,
            int allocationVersion, int serviceYear, int bookingYear) {

        static Entry of(Booking b) {
            return new Entry(b.entryKey(), b.kind().name(), b.correctsEntryKey(), b.target().contractId(),
                    b.period().start(), b.period().end(), b.target().uzovi(), b.target().payeeAgb(),
                    b.target().sector(), b.amountCents(), b.allocationVersion(), b.serviceYear(), b.bookingYear());
        }
    }

    record Result(LocalDate date, boolean dryRun, int count, long totalCents, List<Entry> entries) {
    }

    @PostMapping("/api/v1/period-close")
    Result close(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "true") boolean dryRun) {
        AuditObject.describe("period-close", date.toString());
        // bookedBy names the operator client that ran the close ("operator" when security is off, in tests).
        String by = CurrentClient.get().map(CurrentClient::clientId).orElse("operator");
        List<Booking> bookings = periodClose.close(date, dryRun, by);
        return new Result(date, dryRun, bookings.size(), bookings.stream().mapToLong(Booking::amountCents).sum(),
                bookings.stream().map(Entry::of).toList());
    }
}
