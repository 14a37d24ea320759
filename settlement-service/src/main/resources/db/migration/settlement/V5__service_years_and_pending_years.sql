-- Years pending on their own (issue 15): an allocation with per-year market shares pays the periods of its complete
-- years even when its overall status is PENDING. The years listed PENDING keep their lines of the last complete
-- allocation (neither booked nor corrected until complete again); they are listed here per contract.
alter table contract_allocation
    add column pays_complete_years boolean not null default false;
create table allocation_pending_year (
    contract_id    varchar(100) not null references contract_allocation (contract_id),
    year           int          not null,
    pending_reason text,
    primary key (contract_id, year)
);

-- Service year (the year an entry's period starts in: the NZa monitor's view) and booking year (the service year
-- while it is open, else the first open year after it: the insurer's annual accounts' view). Entries booked before
-- this migration were all booked while every year was open: booking year = service year. That one backfill is the
-- sole change to history.
alter table settlement_entry add column service_year int, add column booking_year int;
alter table settlement_entry disable trigger settlement_entry_immutable;
update settlement_entry set service_year = extract(year from period_start), booking_year = extract(year from period_start);
alter table settlement_entry enable trigger settlement_entry_immutable;
alter table settlement_entry alter column service_year set not null, alter column booking_year set not null,
    add constraint settlement_entry_booked_in_or_after_its_year check (booking_year >= service_year);
create index settlement_entry_by_year on settlement_entry (service_year, booking_year);

-- The ledger's cost accounts carry the service year (SECTOR_COST/<uzovi>/<sector>/<serviceYear>) and a settlement
-- entry's postings its booking year, so the books answer per year (R17). The postings of entries booked before this
-- migration are given theirs, from their entry; payment postings have no booking year.
alter table ledger_posting add column booking_year int;
alter table ledger_posting disable trigger ledger_posting_immutable;
update ledger_posting p set account = p.account || '/' || e.service_year, booking_year = e.booking_year
from settlement_entry e where e.entry_key = p.booking_ref and p.account like 'SECTOR_COST/%';
update ledger_posting p set booking_year = e.booking_year
from settlement_entry e where e.entry_key = p.booking_ref and p.account like 'PAYABLE/%';
alter table ledger_posting enable trigger ledger_posting_immutable;
create index ledger_posting_cost_by_account on ledger_posting (account) where account like 'SECTOR_COST/%';

-- A closed service year: who closed it, when and why, and its figures at the close per insurer and sector (every
-- entry of the year, all booked in it). Never changed: a correction afterwards is booked in an open year.
create table service_year_closed (
    year      int          primary key,
    closed_by varchar(200) not null,
    closed_at timestamptz  not null,
    reason    varchar(500),
    event_id  uuid         not null unique
);
create table service_year_closed_total (
    year           int         not null references service_year_closed (year),
    uzovi          char(4)     not null,
    sector         varchar(60) not null,
    payable_cents  bigint      not null check (payable_cents >= 0),
    credited_cents bigint      not null check (credited_cents <= 0),
    entry_count    int         not null check (entry_count > 0),
    primary key (year, uzovi, sector)
);
create trigger service_year_closed_immutable before update or delete on service_year_closed
    for each row execute function forbid_history_change();
create trigger service_year_closed_total_immutable before update or delete on service_year_closed_total
    for each row execute function forbid_history_change();
