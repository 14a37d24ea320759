-- Issue 16: instalments and VAT per payee.
-- A contract may pay each budget period in monthly or quarterly instalments (payment_schedule). An entry of an
-- instalment keeps its budget period (period_start, period_end: what the monitor and the ledger report) and names
-- the instalment it pays (instalment_start, instalment_end: null for an entry of the whole period); its due date
-- follows from the instalment and the payment timing. Existing entries are whole-period entries: nothing to backfill.
alter table contract_allocation
    add column payment_schedule varchar(20) not null default 'PER_PERIOD'
        check (payment_schedule in ('PER_PERIOD', 'QUARTERLY', 'MONTHLY'));

alter table settlement_entry
    add column instalment_start date,
    add column instalment_end   date,
    add column vat_treatment    varchar(10) check (vat_treatment in ('EXEMPT', 'INCLUDED')),
    add column vat_rate_bp      int,
    add column vat_cents        bigint,
    add constraint settlement_entry_instalment check ((instalment_start is null) = (instalment_end is null)
        and (instalment_start is null or (instalment_start >= period_start and instalment_end <= period_end
            and instalment_start <= instalment_end))),
    -- R10: the VAT part of an amount stated VAT-inclusive; none when the contract states no VAT for the payee
    add constraint settlement_entry_vat check ((vat_treatment is null) = (vat_cents is null)
        and (vat_treatment is distinct from 'EXEMPT' or (vat_cents = 0 and vat_rate_bp is null))
        and (vat_treatment is distinct from 'INCLUDED' or vat_rate_bp between 1 and 10000));

-- One lump sum per target and instalment (the whole period counts as one instalment of its own).
drop index settlement_entry_one_lump_sum;
create unique index settlement_entry_one_lump_sum on settlement_entry (contract_id, period_start,
    coalesce(instalment_start, date '0001-01-01'), uzovi, payee_agb, sector) where kind = 'LUMP_SUM';

-- The VAT treatment the current allocation states per payee (R10), replaced with every applied allocation.
create table allocation_payee_vat (
    contract_id   varchar(100) not null references contract_allocation (contract_id),
    payee_agb     char(8)      not null,
    vat_treatment varchar(10)  not null check (vat_treatment in ('EXEMPT', 'INCLUDED')),
    vat_rate_bp   int,
    primary key (contract_id, payee_agb)
);
