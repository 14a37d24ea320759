-- The current allocation per contract (the newest applied allocationVersion). Also the per-contract lock row
-- and the counter of SettlementBooked sequences.
create table contract_allocation (
    contract_id        varchar(100) primary key,
    allocation_version int          not null,
    contract_version   int          not null,
    status             varchar(20)  not null,
    pending_reason     text,
    valid_from         date         not null,
    valid_until        date         not null,
    payment_timing     varchar(20)  not null,
    applied_event_id   uuid         not null,
    applied_at         timestamptz  not null,
    last_sequence      bigint       not null default 0
);

-- The payable (Zvw) lines of the current allocation, per period. Other domains are never stored: never paid (R7).
create table allocation_line (
    contract_id     varchar(100) not null references contract_allocation (contract_id),
    period_start    date         not null,
    period_end      date         not null,
    uzovi           char(4)      not null,
    payee_agb       char(8)      not null,
    payee_party_key varchar(100) not null,
    sector          varchar(60)  not null,
    amount_cents    bigint       not null,
    primary key (contract_id, period_start, uzovi, payee_agb, sector)
);

-- Payment instructions (LUMP_SUM) and corrections. Immutable. No column for an insured person and none for a
-- deductible: a lump sum is never a per-insured claim (R8, R16).
create table settlement_entry (
    id                 uuid         primary key,
    entry_key          varchar(300) not null unique,
    contract_id        varchar(100) not null,
    sequence           bigint       not null,
    kind               varchar(20)  not null check (kind in ('LUMP_SUM', 'CORRECTION')),
    corrects_entry_key varchar(300) references settlement_entry (entry_key),
    period_start       date         not null,
    period_end         date         not null,
    uzovi              char(4)      not null,
    payee_agb          char(8)      not null,
    payee_party_key    varchar(100) not null,
    sector             varchar(60)  not null,
    amount_cents       bigint       not null,
    allocation_version int          not null,
    cause              varchar(300) not null,
    booked_by          varchar(200) not null,
    booked_at          timestamptz  not null,
    event_id           uuid         not null unique,
    unique (contract_id, sequence),
    check ((kind = 'LUMP_SUM') = (corrects_entry_key is null))
);

-- Settling the same (contract, period, insurer, payee, sector) twice is impossible by construction.
create unique index settlement_entry_one_lump_sum on settlement_entry (contract_id, period_start, uzovi, payee_agb, sector)
    where kind = 'LUMP_SUM';
create index settlement_entry_by_payee on settlement_entry (payee_agb, period_start);

-- An insurer's acknowledgement that it paid an instruction. Once recorded, never changed.
create table payment_acknowledgement (
    entry_id          uuid         primary key references settlement_entry (id),
    payment_reference varchar(100) not null,
    paid_on           date         not null,
    recorded_at       timestamptz  not null
);

-- Double-entry ledger: every booking (a settlement entry, a payment) is a balanced set of postings.
create table ledger_posting (
    id           bigserial    primary key,
    booking_ref  varchar(320) not null,
    account      varchar(200) not null,
    debit_cents  bigint       not null check (debit_cents >= 0),
    credit_cents bigint       not null check (credit_cents >= 0),
    posted_at    timestamptz  not null
);
create index ledger_posting_by_booking on ledger_posting (booking_ref);

-- History is immutable: entries, acknowledgements and postings are never updated or deleted.
create function forbid_history_change() returns trigger language plpgsql as $$
begin
    raise exception '% is immutable: book a correction instead', tg_table_name;
end;
$$;
create trigger settlement_entry_immutable before update or delete on settlement_entry
    for each row execute function forbid_history_change();
create trigger payment_acknowledgement_immutable before update or delete on payment_acknowledgement
    for each row execute function forbid_history_change();
create trigger ledger_posting_immutable before update or delete on ledger_posting
    for each row execute function forbid_history_change();
