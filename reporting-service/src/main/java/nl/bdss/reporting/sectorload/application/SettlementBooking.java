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
import java.util.UUID;
import nl.bdss.reporting.mbi.application.MbiWatch;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.sectorload.domain.SettledEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a settled entry on its sector's macro-budget load (R17, R18) and announces the change
 * (SectorLoadChanged, relative to what was last published), in one transaction. Idempotent twice over: by event id
 * (a redelivered event) and by entry id (the same entry carried by another event is applied once).
 */
@Service
public class SettlementBooking {

    static final String CONSUMER = "reporting-service.sector-loads";

    private final SettlementInbox inbox;
    private final SettlementStore store;
    private final SectorLoadAnnouncements announcements;
    private final MbiWatch mbiWatch;
    private final Clock clock;

    SettlementBooking(SettlementInbox inbox, SettlementStore store, SectorLoadAnnouncements announcements,
            MbiWatch mbiWatch, Clock clock) {
        this.inbox = inbox;
        this.store = store;
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
        Set<UUID> fresh = inbox.firstDeliveries(CONSUMER, batch.stream().map(Booked::eventId).toList());
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
        List<SettledEntry> inserted = store.insertNew(List.copyOf(byEntry.values())).stream()
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
            store.addToLoad(sectorYear, delta, counts.get(sectorYear), clock.instant());
            announcements.announce(sectorYear, causes.get(sectorYear));
            mbiWatch.evaluate(sectorYear, LoadBasis.SETTLED, causes.get(sectorYear));
        });
        return changed;
    }

    /** Returns whether the entry changed the load (false for a redelivery or an entry already booked). */
    @Transactional
    public boolean book(UUID eventId, Instant occurredAt, SettledEntry entry) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return false;
        }
        if (!store.insert(new Booked(eventId, occurredAt, entry)) || entry.amountCents() == 0) {
            return false;
        }
        SectorYear sectorYear = entry.sectorYear();
        store.addToLoad(sectorYear, entry.amountCents(), 1, clock.instant());
        announcements.announce(sectorYear, entry.entryId());
        mbiWatch.evaluate(sectorYear, LoadBasis.SETTLED, entry.entryId());
        return true;
    }
}
