-- The NZa monitor (R20) takes a year's budgets from the allocations, from the same rows as the committed sector load
-- (committed_amount), instead of pro-rating the latest contract version itself: an amendment then changes only the
-- periods it applies to, as it does in the allocation.
drop table contract_budget_year;

-- The Zvw part of a contract's allocated periods per year that no insurer pays: with market shares over all
-- insurers in the area, the part of the insurers that do not take part (R11). The allocation's lines
-- (committed_amount) plus this add up to its periods' amounts. Filled from the allocations received from now on;
-- a rebuild of the read models fills it for the earlier ones.
create table unfunded_amount (
    contract_id  varchar(100) not null,
    budget_year  int          not null,
    amount_cents bigint       not null check (amount_cents > 0),
    primary key (contract_id, budget_year)
);
create index unfunded_amount_year on unfunded_amount (budget_year);

-- Whether the contract's current version states how double funding is prevented (R4, R22). Null for the versions
-- received before this column existed, until a rebuild of the read models fills it.
alter table contract_view add column double_funding_measure_stated boolean;
