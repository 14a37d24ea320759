-- The insured counts behind each allocation version, per insurer and service-area postcode, as they arrived with
-- AllocationCalculated.serviceAreaCounts: the default distribution key for risk equalisation (R19). Never updated.
create table allocation_service_area_count (
    contract_id        varchar(100) not null,
    allocation_version int          not null,
    uzovi              char(4)      not null,
    postcode           varchar(7)   not null,
    insured_count      bigint       not null check (insured_count >= 0),
    primary key (contract_id, allocation_version, uzovi, postcode)
);
create trigger allocation_service_area_count_immutable before update or delete on allocation_service_area_count
    for each row execute function forbid_history_change();

-- How an entry was settled in cash. A positive entry (lump sum or positive correction) is PAID by the insurer; a
-- credit (negative correction) is owed back by the payee: OFFSET against a later payment, or REFUNDED.
alter table payment_acknowledgement
    add column status varchar(20) not null default 'PAID' check (status in ('PAID', 'OFFSET', 'REFUNDED'));
