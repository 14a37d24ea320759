-- Issue 16: payment runs. A run collects an insurer's open instructions due up to a day, nets them per payee and
-- makes one credit transfer per payee with a positive net. What a run holds is fixed when it is created: its
-- transfers, their items (the instructions each settles), the receivables (payees whose net is zero or negative) and
-- the problems (payees without an account) are never updated or deleted. Only the run's status moves, forward:
-- CREATED -> SENT (its pain.001 is first downloaded) -> COMPLETED, or CREATED -> CANCELLED.
create table payment_run (
    id                  uuid         primary key,
    run_number          bigint       generated always as identity unique,
    uzovi               char(4)      not null,
    execution_date      date         not null,
    due_up_to           date         not null check (due_up_to <= execution_date),
    debtor_iban         varchar(34)  not null,
    debtor_bic          varchar(11),
    debtor_name         varchar(140) not null,
    status              varchar(20)  not null check (status in ('CREATED', 'SENT', 'CANCELLED', 'COMPLETED')),
    -- the client-scoped Idempotency-Key and what the request stood for: a repeat gets this run again
    idempotency_key     varchar(400) not null unique,
    request_fingerprint varchar(64)  not null,
    created_at          timestamptz  not null,
    created_by          varchar(200) not null,
    status_changed_at   timestamptz,
    status_changed_by   varchar(200)
);
create index payment_run_by_insurer on payment_run (uzovi, created_at);

create table payment_run_transfer (
    run_id         uuid         not null references payment_run (id),
    sequence       int          not null check (sequence > 0),
    end_to_end_id  varchar(35)  not null unique,
    payee_agb      char(8)      not null,
    creditor_iban  varchar(34)  not null,
    creditor_bic   varchar(11),
    creditor_name  varchar(140) not null,
    amount_cents   bigint       not null check (amount_cents > 0),
    primary key (run_id, sequence),
    unique (run_id, payee_agb)
);

-- the instructions a transfer settles (payables and the credits netted against them)
create table payment_run_item (
    run_id        uuid        not null references payment_run (id),
    entry_id      uuid        not null references settlement_entry (id),
    end_to_end_id varchar(35) not null references payment_run_transfer (end_to_end_id),
    primary key (run_id, entry_id)
);

-- payees whose net was zero or negative (not paid, instructions left open) and payees that could not be paid
create table payment_run_receivable (
    run_id    uuid    not null references payment_run (id),
    payee_agb char(8) not null,
    net_cents bigint  not null check (net_cents <= 0),
    entry_ids uuid[]  not null,
    primary key (run_id, payee_agb)
);
create table payment_run_problem (
    run_id    uuid         not null references payment_run (id),
    payee_agb char(8)      not null,
    problem   varchar(300) not null,
    net_cents bigint       not null,
    entry_ids uuid[]       not null,
    primary key (run_id, payee_agb)
);

-- An instruction is in at most one active run: the claim of a run not cancelled, one per instruction. Cancelling a
-- run removes its claims (and only then); the items stay as the run's record.
create table payment_run_claim (
    entry_id uuid primary key references settlement_entry (id),
    run_id   uuid not null references payment_run (id)
);
create index payment_run_claim_by_run on payment_run_claim (run_id);

create trigger payment_run_transfer_immutable before update or delete on payment_run_transfer
    for each row execute function forbid_history_change();
create trigger payment_run_item_immutable before update or delete on payment_run_item
    for each row execute function forbid_history_change();
create trigger payment_run_receivable_immutable before update or delete on payment_run_receivable
    for each row execute function forbid_history_change();
create trigger payment_run_problem_immutable before update or delete on payment_run_problem
    for each row execute function forbid_history_change();

-- a run is never deleted; an update changes its status (and who changed it when) along an allowed step only
create function payment_run_status_step() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'payment_run is immutable: cancel a run instead';
    end if;
    if (to_jsonb(new) - 'status' - 'status_changed_at' - 'status_changed_by')
            <> (to_jsonb(old) - 'status' - 'status_changed_at' - 'status_changed_by') then
        raise exception 'payment_run % is immutable except for its status', old.id;
    end if;
    if new.status <> old.status and (old.status, new.status) not in
            (('CREATED', 'SENT'), ('CREATED', 'CANCELLED'), ('SENT', 'COMPLETED')) then
        raise exception 'payment_run %: no step from % to %', old.id, old.status, new.status;
    end if;
    return new;
end;
$$;
create trigger payment_run_status_only before update or delete on payment_run
    for each row execute function payment_run_status_step();

create function payment_run_claim_release() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        raise exception 'payment_run_claim is never updated';
    end if;
    if not exists (select 1 from payment_run r where r.id = old.run_id and r.status = 'CANCELLED') then
        raise exception 'payment_run_claim: instruction % stays claimed until run % is cancelled', old.entry_id, old.run_id;
    end if;
    return old;
end;
$$;
create trigger payment_run_claim_release_on_cancel before update or delete on payment_run_claim
    for each row execute function payment_run_claim_release();
