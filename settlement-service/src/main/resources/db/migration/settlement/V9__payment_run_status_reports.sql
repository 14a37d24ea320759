-- Issue 16: the bank's status reports (pain.002) on a run's credit transfers. One final status per transfer, never
-- changed: ACCEPTED marks its instructions paid (payables PAID, netted credits OFFSET, through
-- payment_acknowledgement), REJECTED gives its instructions back (their claims are released) with the bank's reason.
create table payment_run_transfer_status (
    end_to_end_id     varchar(35)  primary key references payment_run_transfer (end_to_end_id),
    run_id            uuid         not null references payment_run (id),
    outcome           varchar(10)  not null check (outcome in ('ACCEPTED', 'REJECTED')),
    status_code       varchar(4)   not null,
    reason            varchar(500),
    bank_reference    varchar(100),
    report_message_id varchar(35),
    recorded_at       timestamptz  not null,
    recorded_by       varchar(200) not null
);
create index payment_run_transfer_status_by_run on payment_run_transfer_status (run_id);

create trigger payment_run_transfer_status_immutable before update or delete on payment_run_transfer_status
    for each row execute function forbid_history_change();

-- a claim is released when its run is cancelled, or when the bank rejected the transfer that held its instruction
create or replace function payment_run_claim_release() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        raise exception 'payment_run_claim is never updated';
    end if;
    if not exists (select 1 from payment_run r where r.id = old.run_id and r.status = 'CANCELLED')
            and not exists (select 1 from payment_run_item i
                            join payment_run_transfer_status s on s.end_to_end_id = i.end_to_end_id
                            where i.run_id = old.run_id and i.entry_id = old.entry_id and s.outcome = 'REJECTED') then
        raise exception 'payment_run_claim: instruction % stays claimed until run % is cancelled or its transfer rejected',
            old.entry_id, old.run_id;
    end if;
    return old;
end;
$$;
