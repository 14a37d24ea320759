-- The last applied version of every contract (R7, R10, R11), as the split needs it.
create table contract_terms (
    contract_id    varchar(64) primary key,
    version        int         not null,
    count_source   varchar(30),
    reference_date date,
    terms          jsonb       not null,
    updated_at     timestamptz not null
);

create index contract_terms_by_dataset on contract_terms (count_source, reference_date);

-- Every published allocation of a contract; the highest version is the current one.
create table allocation (
    contract_id        varchar(64) not null,
    allocation_version int         not null,
    contract_version   int         not null,
    status             varchar(20) not null,
    pending_reason     text,
    count_source       varchar(30),
    reference_date     date,
    dataset_id         uuid        references insured_count_delivery (id),
    result             jsonb       not null,
    event_id           uuid        not null,
    calculated_at      timestamptz not null,
    primary key (contract_id, allocation_version)
);
