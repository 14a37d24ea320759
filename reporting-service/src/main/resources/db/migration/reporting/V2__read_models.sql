-- Settled entries as received (R17): one row per settlement entry id, so an entry is applied once whatever
-- event carries it.
create table settlement_entry (
    entry_id           varchar(200) primary key,
    event_id           uuid         not null,
    contract_id        varchar(100) not null,
    sequence           bigint       not null,
    kind               varchar(20)  not null,
    corrects_entry_id  varchar(200),
    period_start       date         not null,
    period_end         date         not null,
    load_year          int          not null,
    uzovi              varchar(4)   not null,
    payee_agb          varchar(8)   not null,
    sector             varchar(100) not null,
    amount_cents       bigint       not null,
    allocation_version int          not null,
    occurred_at        timestamptz  not null
);
create index settlement_entry_year on settlement_entry (load_year, sector);

-- Settled load of the title on each Zvw sector's macro budget per year (R17, R18).
create table sector_load (
    sector       varchar(100) not null,
    load_year    int          not null,
    amount_cents bigint       not null,
    version      bigint       not null,
    updated_at   timestamptz  not null,
    primary key (sector, load_year)
);

-- The current version of each contract, as far as reporting needs it (R20).
create table contract_view (
    contract_id    varchar(100) primary key,
    version        int          not null,
    reference      varchar(200) not null,
    title          varchar(500) not null,
    status         varchar(20)  not null,
    valid_from     date         not null,
    valid_until    date         not null,
    lump_sum_cents bigint       not null,
    budget_period  varchar(20)  not null,
    insurers       text[]       not null,
    zvw_sectors    text[]       not null,
    provider_agbs  text[]       not null,
    party_count    int          not null,
    updated_at     timestamptz  not null
);

-- The contract's budget per calendar year: all domains and the Zvw part (R7, R20).
create table contract_budget_year (
    contract_id     varchar(100) not null references contract_view (contract_id) on delete cascade,
    budget_year     int          not null,
    all_domains_cents bigint     not null,
    zvw_cents       bigint       not null,
    primary key (contract_id, budget_year)
);

-- The latest allocation per contract; the committed figures below come from the latest COMPLETE one.
create table contract_allocation (
    contract_id        varchar(100) primary key,
    allocation_version int          not null,
    contract_version   int          not null,
    status             varchar(20)  not null,
    pending_reason     varchar(1000),
    complete_version   int,
    occurred_at        timestamptz  not null
);

-- Committed amounts per contract, year, domain and Zvw sector ('' for the non-Zvw domains, recorded, never paid, R7).
create table committed_amount (
    contract_id  varchar(100) not null,
    load_year    int          not null,
    domain       varchar(20)  not null,
    sector       varchar(100) not null,
    amount_cents bigint       not null,
    primary key (contract_id, load_year, domain, sector)
);

-- Sector macro budgets as dated reference data (R18, R21).
create table macro_budget (
    sector       varchar(100) not null,
    budget_year  int          not null,
    amount_cents bigint       not null,
    source       varchar(500) not null,
    source_date  date         not null,
    recorded_at  timestamptz  not null,
    primary key (sector, budget_year)
);

-- MBI watch (R21): whether a sector's load is at or above the threshold, per basis (SETTLED, COMMITTED).
create table mbi_watch (
    sector     varchar(100) not null,
    watch_year int          not null,
    basis      varchar(20)  not null,
    above      boolean      not null,
    primary key (sector, watch_year, basis)
);

-- Alerts, one per crossing of the threshold.
create table mbi_alert (
    id                     bigserial    primary key,
    sector                 varchar(100) not null,
    alert_year             int          not null,
    basis                  varchar(20)  not null,
    load_cents             bigint       not null,
    macro_budget_cents     bigint       not null,
    share_basis_points     bigint       not null,
    threshold_basis_points int          not null,
    cause                  varchar(300) not null,
    raised_at              timestamptz  not null
);
