-- Issue 14: contracts the parties agree to (R1). Registering, amending and terminating make a proposal that every
-- other signatory (each insurer, each Zvw provider) accepts or declines with its own identity; the version takes
-- effect, and is published, only when the last acceptance arrives. A registration not yet in force is a row of
-- contract with status PROPOSED (DECLINED / WITHDRAWN once closed) and no contract_version.

create table contract_proposal (
    id                 uuid         primary key,
    contract_id        uuid         not null references contract (id),
    number             int          not null,          -- 1 for the contract's first proposal
    kind               varchar(20)  not null,          -- REGISTRATION, AMENDMENT, TERMINATION
    status             varchar(20)  not null,          -- OPEN, ACCEPTED, DECLINED, WITHDRAWN
    revision           int          not null,          -- +1 per decision and on closing: the ETag is p<number>-<revision>
    proposer_role      varchar(10),                    -- INSURER; null only with security switched off
    proposer_code      varchar(8),
    proposer_client_id varchar(200),
    proposed_at        timestamptz  not null,
    based_on_version   int,                            -- the version in force when proposed; null for a registration
    version            int          not null,          -- the version it makes (the one it made, once accepted)
    version_status     varchar(20)  not null,          -- ACTIVE or TERMINATED
    effective_from     date         not null,
    end_date           date,                           -- a termination's last valid day
    document           jsonb        not null,          -- the proposed version's terms, in contract.document's shape
    warnings           jsonb        not null,
    closed_at          timestamptz,
    unique (contract_id, number)
);

-- At most one open proposal per contract (409 otherwise; the register lock serialises changes before this).
create unique index contract_proposal_one_open_idx on contract_proposal (contract_id) where status = 'OPEN';
create index contract_proposal_proposer_idx on contract_proposal (proposer_role, proposer_code);

-- Every signatory a proposal asks, in the documents' order; the proposer is not asked (its acceptance is implied).
create table contract_proposal_party (
    proposal_id uuid        not null references contract_proposal (id),
    position    int         not null,
    role        varchar(10) not null,                  -- INSURER (code = UZOVI) or PROVIDER (code = AGB)
    code        varchar(8)  not null,
    party_key   varchar(200),                          -- the provider's key in the document's parties
    primary key (proposal_id, role, code)
);

create index contract_proposal_party_code_idx on contract_proposal_party (role, code);

-- Every decision, with who (party and client id), when and why. Append-only: a decision is final.
create table contract_proposal_decision (
    proposal_id uuid          not null references contract_proposal (id),
    position    int           not null,
    role        varchar(10)   not null,
    code        varchar(8)    not null,
    party_key   varchar(200),
    client_id   varchar(200),
    decision    varchar(10)   not null,                -- ACCEPT or DECLINE
    reason      varchar(2000),
    decided_at  timestamptz   not null,
    primary key (proposal_id, role, code)
);

-- The signatories of every version that took effect: a party reads the versions it signed, a former party only
-- those, for good.
create table contract_version_party (
    contract_id uuid        not null,
    version     int         not null,
    role        varchar(10) not null,
    code        varchar(8)  not null,
    primary key (contract_id, version, role, code),
    foreign key (contract_id, version) references contract_version (contract_id, version)
);

create index contract_version_party_code_idx on contract_version_party (role, code, contract_id);

-- Versions stored before this release: their signatories from their documents (insurers, and Zvw parties' AGBs).
insert into contract_version_party (contract_id, version, role, code)
select v.contract_id, v.version, 'INSURER', insurer ->> 'uzovi'
  from contract_version v, jsonb_array_elements(v.document -> 'insurers') insurer
 where insurer ->> 'uzovi' is not null
on conflict do nothing;

insert into contract_version_party (contract_id, version, role, code)
select v.contract_id, v.version, 'PROVIDER', party ->> 'agb'
  from contract_version v, jsonb_array_elements(v.document -> 'parties') party
 where party ->> 'domain' = 'ZVW' and party ->> 'agb' is not null
on conflict do nothing;
