-- The contracts each alert's load rested on when it was raised (a contract counts when its net amount in the
-- sector-year is not zero), so that an insurer is not shown the load of an alert that rests on one or two contracts
-- of other parties (small cells, issue 14). Null for the alerts raised before this column existed: insurers are shown
-- no load for those until a rebuild of the read models raises them anew with their contracts.
alter table mbi_alert add column contract_ids text[];
