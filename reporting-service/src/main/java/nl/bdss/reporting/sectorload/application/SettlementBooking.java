package nl.bdss.reporting.sectorload.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.bdss.messaging.inbox.ProcessedEvents;
import nl.bdss.reporting.downstream.application.SectorLoadAnnouncements;
import nl.bdss.reporting.mbi.application.MbiWatch;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.sectorload.domain.SectorYear;
import nl.bdss.reporting.sectorload.domain.SettledEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a settled entry on its sector's macro-budget load (R17, R18) and announces the change
 * (SectorLoadChanged, relative to what was last published), in one transaction. Idempotent twice over: by event id (a redelivered event) and by entry id (the same entry
 * carried by another event is applied once).
 */
@Service
public class SettlementBooking {

    static final String CONSUMER = "reporting-service.sector-loads";

    private final JdbcClient jdbc;
    private final ProcessedEvents processedEvents;
    private final SectorLoadAnnouncements announcements;
    private final MbiWatch mbiWatch;
    private final Clock clock;

    SettlementBooking(JdbcClient jdbc, ProcessedEvents processedEvents, SectorLoadAnnouncements announcements, MbiWatch mbiWatch, Clock clock) {
        this.jdbc = jdbc;
        this.processedEvents = processedEvents;
        this.announcements = announcements;
        this.mbiWatch = mbiWatch;
        this.clock = clock;
    }

    /** Returns whether the entry changed the load (false for a redelivery or an entry already booked). */
    @Transactional
    public boolean book(UUID eventId, Instant occurredAt, SettledEntry entry) {
        if (!processedEvents.firstDelivery(CONSUMER, eventId)) {
            return false;
        }
        SectorYear sectorYear = entry.sectorYear();
        int inserted = jdbc.sql("""
                        insert into settlement_entry (entry_id, event_id, contract_id, sequence, kind, corrects_entry_id,
                            period_start, period_end, load_year, uzovi, payee_agb, sector, amount_cents,
                            allocation_version, occurred_at)
                        values (:entryId, :eventId, :contractId, :sequence, :kind, :corrects, :periodStart, :periodEnd,
                            :year, :uzovi, :payeeAgb, :sector, :amount, :allocationVersion, :occurredAt)
                        on conflict (entry_id) do nothing""")
                .param("entryId", entry.entryId())
                .param("eventId", eventId)
                .param("contractId", entry.contractId())
                .param("sequence", entry.sequence())
                .param("kind", entry.kind().name())
                .param("corrects", entry.correctsEntryId())
                .param("periodStart", entry.periodStart())
                .param("periodEnd", entry.periodEnd())
                .param("year", sectorYear.year())
                .param("uzovi", entry.uzovi())
                .param("payeeAgb", entry.payeeAgb())
                .param("sector", sectorYear.sector())
                .param("amount", entry.amountCents())
                .param("allocationVersion", entry.allocationVersion())
                .param("occurredAt", java.sql.Timestamp.from(occurredAt))
                .update();
        if (inserted == 0 || entry.amountCents() == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into sector_load (sector, load_year, amount_cents, version, updated_at)
                        values (:sector, :year, :amount, 1, :now)
                        on conflict (sector, load_year) do update
                            set amount_cents = sector_load.amount_cents + excluded.amount_cents,
                                version = sector_load.version + 1,
                                updated_at = excluded.updated_at
""")
                .param("sector", sectorYear.sector())
                .param("year", sectorYear.year())
                .param("amount", entry.amountCents())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        announcements.announce(sectorYear, entry.entryId());
        mbiWatch.evaluate(sectorYear, LoadBasis.SETTLED, entry.entryId());
        return true;
    }
}
