-- What downstream systems have been told. A rebuild of the read models never wipes these tables, so versions
-- continue and nothing already published is published again (R17, R21).

-- The last SectorLoadChanged published per sector and year.
create table published_sector_load (
    sector       varchar(100) not null,
    load_year    int          not null,
    version      bigint       not null,
    total_cents  bigint       not null,
    published_at timestamptz  not null,
    primary key (sector, load_year)
);
-- the loads published before this table existed
insert into published_sector_load (sector, load_year, version, total_cents, published_at)
select sector, load_year, version, amount_cents, updated_at from sector_load;

-- Whether the crossing a sector's watch is in has been announced (MacroBudgetAlertRaised), per basis.
create table announced_watch (
    sector     varchar(100) not null,
    watch_year int          not null,
    basis      varchar(20)  not null,
    above      boolean      not null,
    primary key (sector, watch_year, basis)
);

-- Every MacroBudgetAlertRaised published; version counts per sector and year over both bases.
create table announced_alert (
    sector             varchar(100) not null,
    alert_year         int          not null,
    version            bigint       not null,
    basis              varchar(20)  not null,
    load_cents         bigint       not null,
    macro_budget_cents bigint       not null,
    announced_at       timestamptz  not null,
    primary key (sector, alert_year, version)
);

-- A rebuild in progress: the end offsets of the consumed topics when it started. Until the group has consumed
-- up to them nothing is published; then the differences with what was published before are.
create table rebuild_target (
    topic      varchar(300) not null,
    partition  int          not null,
    end_offset bigint       not null,
    primary key (topic, partition)
);

-- The service area of each contract (R6), for the load per region.
alter table contract_view add column service_area text[] not null default '{}';

-- Reference data: the provinces as PC4 ranges (coarse; operators replace them with POST /api/v1/regions).
create table region_pc4_range (
    pc4_from int          not null primary key,
    pc4_to   int          not null,
    region   varchar(100) not null,
    check (pc4_from between 1000 and 9999 and pc4_to between pc4_from and 9999)
);
