package nl.bdss.reporting.sectorload.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
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

    /** A settled entry as it arrived: the event that carried it and when it occurred. */
    public record Booked(UUID eventId, Instant occurredAt, SettledEntry entry) {
    }

    /**
     * Books a poll's entries with set-based statements: the events not seen before (inbox), the entries not booked
     * before, then one load update, one announcement and one MBI evaluation per sector-year the batch touched, in
     * sector-year order (concurrent batches lock the same rows in the same order, so they never deadlock).
     * The effect equals {@link #book} applied to each entry in turn. Returns how many entries changed a load.
     */
    @Transactional
    public int bookAll(List<Booked> batch) {
        List<String> eventIds = batch.stream().map(booked -> booked.eventId().toString()).toList();
        Set<UUID> fresh = new HashSet<>(jdbc.sql("""
                        insert into processed_event (consumer, event_id)
                        select ?, id::uuid from unnest(?::text[]) as id
                        on conflict do nothing
                        returning event_id""")
                .params(CONSUMER, eventIds.toArray(String[]::new))
                .query(UUID.class).list());
        Map<String, Booked> byEntry = new LinkedHashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (Booked booked : batch) {
            if (fresh.contains(booked.eventId()) && seen.add(booked.eventId())) {
                byEntry.putIfAbsent(booked.entry().entryId(), booked);
            }
        }
        if (byEntry.isEmpty()) {
            return 0;
        }
        List<Booked> rows = List.copyOf(byEntry.values());
        List<SettledEntry> inserted = jdbc.sql("""
                        insert into settlement_entry (entry_id, event_id, contract_id, sequence, kind, corrects_entry_id,
                            period_start, period_end, load_year, uzovi, payee_agb, sector, amount_cents,
                            allocation_version, occurred_at)
                        select e.entry_id, e.event_id::uuid, e.contract_id, e.sequence, e.kind, e.corrects_entry_id,
                            e.period_start, e.period_end, extract(year from e.period_start)::int, e.uzovi, e.payee_agb,
                            e.sector, e.amount_cents, e.allocation_version, e.occurred_at
                        from unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::date[],
                            ?::date[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::int[], ?::timestamptz[])
                            as e(entry_id, event_id, contract_id, sequence, kind, corrects_entry_id, period_start,
                                period_end, uzovi, payee_agb, sector, amount_cents, allocation_version, occurred_at)
                        on conflict (entry_id) do nothing
                        returning entry_id""")
                .params(column(rows, booked -> booked.entry().entryId()),
                        column(rows, booked -> booked.eventId().toString()),
                        column(rows, booked -> booked.entry().contractId()),
                        rows.stream().map(booked -> booked.entry().sequence()).toArray(Long[]::new),
                        column(rows, booked -> booked.entry().kind().name()),
                        column(rows, booked -> booked.entry().correctsEntryId()),
                        column(rows, booked -> booked.entry().periodStart().toString()),
                        column(rows, booked -> booked.entry().periodEnd().toString()),
                        column(rows, booked -> booked.entry().uzovi()),
                        column(rows, booked -> booked.entry().payeeAgb()),
                        column(rows, booked -> booked.entry().sector()),
                        rows.stream().map(booked -> booked.entry().amountCents()).toArray(Long[]::new),
                        rows.stream().map(booked -> booked.entry().allocationVersion()).toArray(Integer[]::new),
                        column(rows, booked -> booked.occurredAt().toString()))
                .query(String.class).list().stream()
                .map(entryId -> byEntry.get(entryId).entry())
                .toList();
        Map<SectorYear, Long> deltas = new TreeMap<>(Comparator.comparing(SectorYear::sector).thenComparing(SectorYear::year));
        Map<SectorYear, Integer> counts = new HashMap<>();
        Map<SectorYear, String> causes = new HashMap<>();
        int changed = 0;
        for (SettledEntry entry : inserted) {
            if (entry.amountCents() != 0) {
                deltas.merge(entry.sectorYear(), entry.amountCents(), Long::sum);
                counts.merge(entry.sectorYear(), 1, Integer::sum);
                causes.put(entry.sectorYear(), entry.entryId());
                changed++;
            }
        }
        deltas.forEach((sectorYear, delta) -> {
            addToLoad(sectorYear, delta, counts.get(sectorYear));
            announcements.announce(sectorYear, causes.get(sectorYear));
            mbiWatch.evaluate(sectorYear, LoadBasis.SETTLED, causes.get(sectorYear));
        });
        return changed;
    }

    private static String[] column(List<Booked> rows, Function<Booked, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
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
        addToLoad(sectorYear, entry.amountCents(), 1);
        announcements.announce(sectorYear, entry.entryId());
        mbiWatch.evaluate(sectorYear, LoadBasis.SETTLED, entry.entryId());
        return true;
    }

    /** Adds the entries' amounts to the load; its version counts the entries that changed it. */
    private void addToLoad(SectorYear sectorYear, long amountCents, int entries) {
        jdbc.sql("""
                        insert into sector_load (sector, load_year, amount_cents, version, updated_at)
                        values (:sector, :year, :amount, :entries, :now)
                        on conflict (sector, load_year) do update
                            set amount_cents = sector_load.amount_cents + excluded.amount_cents,
                                version = sector_load.version + excluded.version,
                                updated_at = excluded.updated_at""")
                .param("sector", sectorYear.sector())
                .param("year", sectorYear.year())
                .param("amount", amountCents)
                .param("entries", entries)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }
}
