-- The payment timing each entry was booked under (its allocation's), so that the ledger can show that nothing was
-- paid before it was due (R8: IN_ADVANCE on the period's first day, IN_ARREARS on the day after its last), also
-- after a later allocation changed the contract's timing. Entries booked before this column existed get their
-- contract's current timing, the only record there is of it; that one backfill is the sole change to history.
alter table settlement_entry
    add column payment_timing varchar(20) check (payment_timing in ('IN_ADVANCE', 'IN_ARREARS'));

alter table settlement_entry disable trigger settlement_entry_immutable;
update settlement_entry e set payment_timing = a.payment_timing
from contract_allocation a where a.contract_id = e.contract_id;
alter table settlement_entry enable trigger settlement_entry_immutable;

alter table settlement_entry alter column payment_timing set not null;
