-- Risk equalisation per service year (R19).

-- The counts behind an allocation per contract year (AllocationCalculated.yearShares[].serviceAreaCounts); null for
-- an allocation without per-year shares (and every row stored before), whose counts hold for every year it covers.
alter table allocation_service_area_count add column contract_year int;
alter table allocation_service_area_count drop constraint allocation_service_area_count_pkey;
create unique index allocation_service_area_count_once
    on allocation_service_area_count (contract_id, allocation_version, uzovi, postcode, coalesce(contract_year, 0));

-- An insurer's distribution key per service year, as proposed to or approved by Zorginstituut Nederland.
create table risk_equalisation_choice (
    uzovi            char(4)      not null,
    service_year     int          not null,
    distribution_key varchar(30)  not null check (distribution_key in ('SERVICE_AREA_INSUREDS', 'ALL_INSUREDS', 'NOT_ATTRIBUTED')),
    justification    text,
    status           varchar(20)  not null check (status in ('PROPOSED', 'APPROVED')),
    approved_on      date,
    revision         int          not null,
    recorded_by      varchar(200) not null,
    recorded_at      timestamptz  not null,
    primary key (uzovi, service_year),
    check (distribution_key <> 'NOT_ATTRIBUTED' or justification is not null),
    check ((status = 'APPROVED') = (approved_on is not null))
);

-- Every change of a choice: who, when, before (null columns for the first) and after. Never updated.
create table risk_equalisation_choice_change (
    uzovi                char(4)      not null,
    service_year         int          not null,
    revision             int          not null,
    changed_by           varchar(200) not null,
    changed_at           timestamptz  not null,
    before_key           varchar(30),
    before_justification text,
    before_status        varchar(20),
    before_approved_on   date,
    after_key            varchar(30)  not null,
    after_justification  text,
    after_status         varchar(20)  not null,
    after_approved_on    date,
    primary key (uzovi, service_year, revision)
);
create trigger risk_equalisation_choice_change_immutable before update or delete on risk_equalisation_choice_change
    for each row execute function forbid_history_change();

-- The stored attribution per (insurer, service year): the key it was computed under and its fingerprint (entries
-- and settled total); its parts per (sector, part). Recomputed whole when the year's figures change.
create table risk_equalisation_attribution (
    uzovi            char(4)     not null,
    service_year     int         not null,
    distribution_key varchar(30) not null,
    choice_status    varchar(20),
    justification    text,
    entry_count      bigint      not null,
    settled_cents    bigint      not null,
    computed_at      timestamptz not null,
    primary key (uzovi, service_year)
);
create table risk_equalisation_attribution_part (
    uzovi         char(4)     not null,
    service_year  int         not null,
    sector        varchar(60) not null,
    part          varchar(30) not null,
    insured_count bigint,
    amount_cents  bigint      not null,
    justification text,
    primary key (uzovi, service_year, sector, part),
    foreign key (uzovi, service_year) references risk_equalisation_attribution (uzovi, service_year) on delete cascade
);

-- (insurer, service year) whose attribution is to be recomputed: appended to by a booking (the trigger below, in
-- the booking's transaction), a new choice and new counts; a recompute removes the rows it has seen.
create table risk_equalisation_stale (
    id           bigserial primary key,
    uzovi        char(4) not null,
    service_year int     not null
);
create index risk_equalisation_stale_by_year on risk_equalisation_stale (uzovi, service_year, id);

-- One insert per booking statement, whatever the number of entries; no row is locked, so bookings never wait on
-- each other here. A period belongs to the year it starts in.
create function mark_risk_equalisation_stale() returns trigger language plpgsql as $$
begin
    insert into risk_equalisation_stale (uzovi, service_year)
    select distinct uzovi, extract(year from period_start)::int from booked_entries;
    return null;
end;
$$;
create trigger settlement_entry_marks_attribution_stale after insert on settlement_entry
    referencing new table as booked_entries for each statement execute function mark_risk_equalisation_stale();

-- Everything booked before: attributed on the first run.
insert into risk_equalisation_stale (uzovi, service_year)
select distinct uzovi, extract(year from period_start)::int from settlement_entry;
