-- Market shares per contract year (R11): every reference date a version's contract years use, so that a count
-- delivery finds the contracts whose years it splits. Versions applied before had one date for every year.
create table contract_terms_reference_date (
    contract_id    varchar(64) not null,
    version        int         not null,
    count_source   varchar(30) not null,
    reference_date date        not null,
    primary key (contract_id, version, reference_date),
    foreign key (contract_id, version) references contract_terms_version (contract_id, version)
);

create index contract_terms_reference_date_by_dataset on contract_terms_reference_date (count_source, reference_date);

insert into contract_terms_reference_date (contract_id, version, count_source, reference_date)
select contract_id, version, count_source, reference_date
from contract_terms_version
where count_source is not null and reference_date is not null;

-- Why an allocation was made: CONTRACT_VERSION, COUNTS_DELIVERED or 'REOPENED: <reason>' (null before this).
alter table allocation add column cause text;

-- The operators' reopens of settled periods: who, why, which years, and the allocation it published (null when
-- nothing changed). Append-only.
create table allocation_reopen (
    id                 bigserial    primary key,
    contract_id        varchar(64)  not null,
    client_id          varchar(200) not null,
    reason             varchar(500) not null,
    years              int[]        not null,
    allocation_version int,
    correction_count   int          not null,
    occurred_at        timestamptz  not null
);

create index allocation_reopen_by_contract on allocation_reopen (contract_id, occurred_at);
