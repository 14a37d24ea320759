-- Accounting per year (issue 15): an entry belongs to the service year its period starts in (the NZa monitor's view,
-- the macro-budget year it always had as load_year) and is booked in a booking year (the insurer's annual accounts):
-- the service year while that year is open, else the first open year after it. The entries received before both
-- existed are booked in their service year.
alter table settlement_entry rename column load_year to service_year;
alter table settlement_entry add column booking_year int;
update settlement_entry set booking_year = service_year;
alter table settlement_entry alter column booking_year set not null;
alter table settlement_entry add constraint settlement_entry_booked_from_its_service_year
    check (booking_year >= service_year);
create index settlement_entry_booking_year on settlement_entry (booking_year, sector);

-- The service years an operator closed in settlement-service (ServiceYearClosed): their figures as closed are the
-- entries of the year booked in it, the later corrections those of the year booked in a later year.
create table closed_service_year (
    service_year int          primary key,
    closed_at    timestamptz  not null,
    closed_by    varchar(200) not null,
    reason       varchar(2000),
    event_id     uuid         not null
);
