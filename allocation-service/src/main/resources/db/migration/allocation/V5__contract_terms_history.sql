-- Every applied version of a contract with what it changed and from when it applies: the terms history that
-- effective-dated amendments need (R8, R14). contract_terms keeps the latest version.
create table contract_terms_version (
    contract_id    varchar(64) not null,
    version        int         not null,
    change         varchar(20) not null,
    effective_from date        not null,
    count_source   varchar(30),
    reference_date date,
    terms          jsonb       not null,
    applied_at     timestamptz not null,
    primary key (contract_id, version)
);

create index contract_terms_version_by_dataset on contract_terms_version (count_source, reference_date);

-- Contracts applied before the history existed: their latest terms, as if registered so.
insert into contract_terms_version (contract_id, version, change, effective_from, count_source, reference_date, terms, applied_at)
select contract_id, version, 'REGISTERED', cast(terms ->> 'validFrom' as date), count_source, reference_date, terms, updated_at
from contract_terms;
