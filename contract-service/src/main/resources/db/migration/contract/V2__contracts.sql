create table contract (
    id          uuid         primary key,
    reference   varchar(100) not null,
    status      varchar(20)  not null,
    version     int          not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

create table contract_version (
    contract_id    uuid        not null references contract (id),
    version        int         not null,
    change         varchar(20) not null,
    effective_from date        not null,
    document       jsonb       not null,
    recorded_at    timestamptz not null,
    primary key (contract_id, version)
);
