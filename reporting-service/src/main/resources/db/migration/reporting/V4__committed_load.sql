-- The committed Zvw load per sector and year, kept as a running total beside committed_amount, so that the MBI
-- watch reads one row instead of summing every contract's amounts after each allocation (R18, R21).
create table committed_load (
    sector       varchar(100) not null,
    load_year    int          not null,
    amount_cents bigint       not null,
    primary key (sector, load_year)
);

insert into committed_load (sector, load_year, amount_cents)
select sector, load_year, sum(amount_cents) from committed_amount where domain = 'ZVW' group by sector, load_year;

-- The yearly aggregates (sector loads, monitor, regions) read committed amounts by year.
create index committed_amount_year on committed_amount (load_year, domain, sector);
