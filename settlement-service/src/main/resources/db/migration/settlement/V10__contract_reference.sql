-- Issue 16: the contract's own reference, as allocations now carry it, so that entries, runs and remittance name the
-- contract as the parties know it (null for contracts whose allocations came before it: the contract id serves).
alter table contract_allocation add column contract_reference text;
