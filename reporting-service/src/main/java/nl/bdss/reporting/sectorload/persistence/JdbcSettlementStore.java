package nl.bdss.reporting.sectorload.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.sectorload.application.SettlementBooking.Booked;
import nl.bdss.reporting.sectorload.application.SettlementStore;
import nl.bdss.reporting.sectorload.domain.SettledEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The entries in {@code settlement_entry} (one row per entry id) and the loads in {@code sector_load}. */
@Repository
class JdbcSettlementStore implements SettlementStore {

    private final JdbcClient jdbc;

    JdbcSettlementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> insertNew(List<Booked> rows) {
        return jdbc.sql("""
                        insert into settlement_entry (entry_id, event_id, contract_id, sequence, kind, corrects_entry_id,
                            period_start, period_end, service_year, booking_year, uzovi, payee_agb, sector,
                            amount_cents, allocation_version, occurred_at)
                        select e.entry_id, e.event_id::uuid, e.contract_id, e.sequence, e.kind, e.corrects_entry_id,
                            e.period_start, e.period_end, e.service_year, e.booking_year, e.uzovi, e.payee_agb,
                            e.sector, e.amount_cents, e.allocation_version, e.occurred_at
                        from unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::date[],
                            ?::date[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::int[],
                            ?::timestamptz[])
                            as e(entry_id, event_id, contract_id, sequence, kind, corrects_entry_id, period_start,
                                period_end, service_year, booking_year, uzovi, payee_agb, sector, amount_cents,
                                allocation_version, occurred_at)
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
                        rows.stream().map(booked -> booked.entry().serviceYear()).toArray(Integer[]::new),
                        rows.stream().map(booked -> booked.entry().bookingYear()).toArray(Integer[]::new),
                        column(rows, booked -> booked.entry().uzovi()),
                        column(rows, booked -> booked.entry().payeeAgb()),
                        column(rows, booked -> booked.entry().sector()),
                        rows.stream().map(booked -> booked.entry().amountCents()).toArray(Long[]::new),
                        rows.stream().map(booked -> booked.entry().allocationVersion()).toArray(Integer[]::new),
                        column(rows, booked -> booked.occurredAt().toString()))
                .query(String.class).list();
    }

    private static String[] column(List<Booked> rows, Function<Booked, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    @Override
    public boolean insert(Booked booked) {
        SettledEntry entry = booked.entry();
        SectorYear sectorYear = entry.sectorYear();
        return jdbc.sql("""
                        insert into settlement_entry (entry_id, event_id, contract_id, sequence, kind, corrects_entry_id,
                            period_start, period_end, service_year, booking_year, uzovi, payee_agb, sector,
                            amount_cents, allocation_version, occurred_at)
                        values (:entryId, :eventId, :contractId, :sequence, :kind, :corrects, :periodStart, :periodEnd,
                            :year, :bookingYear, :uzovi, :payeeAgb, :sector, :amount, :allocationVersion, :occurredAt)
                        on conflict (entry_id) do nothing""")
                .param("entryId", entry.entryId())
                .param("eventId", booked.eventId())
                .param("contractId", entry.contractId())
                .param("sequence", entry.sequence())
                .param("kind", entry.kind().name())
                .param("corrects", entry.correctsEntryId())
                .param("periodStart", entry.periodStart())
                .param("periodEnd", entry.periodEnd())
                .param("year", sectorYear.year())
                .param("bookingYear", entry.bookingYear())
                .param("uzovi", entry.uzovi())
                .param("payeeAgb", entry.payeeAgb())
                .param("sector", sectorYear.sector())
                .param("amount", entry.amountCents())
                .param("allocationVersion", entry.allocationVersion())
                .param("occurredAt", Timestamp.from(booked.occurredAt()))
                .update() == 1;
    }

    @Override
    public void addToLoad(SectorYear sectorYear, long amountCents, int entries, Instant now) {
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
                .param("now", Timestamp.from(now))
                .update();
    }
}
