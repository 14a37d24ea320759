-- The contract register: the current version of each contract, every version ever published, and the
-- lookup tables of the current version that search and the double-funding watch (R4, R22) use.
create table contract (
    id             uuid         primary key,
    reference      varchar(200) not null,
    status         varchar(20)  not null,
    version        int          not null,
    valid_from     date         not null,
    valid_until    date         not null,
    effective_from date         not null,
    document       jsonb        not null,
    warnings       jsonb        not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

create index contract_validity_idx on contract (status, valid_from, valid_until);

create table contract_version (
    contract_id              uuid        not null references contract (id),
    version                  int         not null,
    change                   varchar(20) not null,
    status                   varchar(20) not null,
    effective_from           date        not null,
    document                 jsonb       not null,
    warnings                 jsonb       not null,
    overlapping_contract_ids jsonb       not null,
    recorded_at              timestamptz not null,
    primary key (contract_id, version)
);

create table contract_insurer (
    contract_id uuid       not null references contract (id),
    uzovi       varchar(4) not null,
    primary key (contract_id, uzovi)
);

create index contract_insurer_uzovi_idx on contract_insurer (uzovi);

create table contract_provider (
    contract_id uuid       not null references contract (id),
    agb         varchar(8) not null,
    primary key (contract_id, agb)
);

create index contract_provider_agb_idx on contract_provider (agb);

create table contract_postcode (
    contract_id uuid       not null references contract (id),
    postcode    varchar(6) not null,
    primary key (contract_id, postcode)
);

create index contract_postcode_pc4_idx on contract_postcode (left(postcode, 4));

-- Double-funding watch: one row per direction, so each of the two contracts shows the other.
create table contract_overlap (
    contract_id             uuid        not null references contract (id),
    overlapping_contract_id uuid        not null references contract (id),
    detected_at             timestamptz not null,
    primary key (contract_id, overlapping_contract_id)
);

-- Idempotency-Key of POST requests: claimed first (the primary key makes a concurrent duplicate wait for the
-- first request's transaction), then completed with the response in the same transaction.
create table idempotency_record (
    idempotency_key     varchar(200) primary key,
    request_fingerprint varchar(64)  not null,
    response_status     int,
    response_location   varchar(500),
    response_etag       varchar(50),
    response_body       text,
    created_at          timestamptz  not null
);
