-- Issue 15: the Zvw sectors (R7) as dated reference data an operator maintains (PUT /api/v1/zvw-sectors/{code}),
-- like reporting's macro budgets, instead of a list in code: a macro-budget sector the NZa adds counts for the next
-- contract without a release. A contract's party sector and sector shares must name a macro-budget sector valid on
-- the version's effective date; a catch-all that is no macro-budget sector (OVERIGE_ZVW) is not offered for new
-- contracts, while the contracts and events that already use it stay readable (their stored terms keep the code).

create table zvw_sector (
    code                varchar(64)  primary key,   -- HUISARTSENZORG: capitals, digits, underscores
    name                varchar(200) not null,
    macro_budget_sector boolean      not null,      -- false for a catch-all: no sector budget to attribute costs to
    valid_from          date         not null,
    valid_until         date,                       -- last day, inclusive; null while the sector has no end
    updated_at          timestamptz  not null,
    updated_by          varchar(200) not null,      -- the operator's client id (the audit trail has the request)
    check (valid_until is null or valid_until >= valid_from)
);

-- Today's sectors: the ten macro-budget sectors the contracts have named so far, the four the list lacked, and the
-- catch-all, recorded as not a macro-budget sector. All from the experiment's first day.
insert into zvw_sector (code, name, macro_budget_sector, valid_from, valid_until, updated_at, updated_by) values
    ('HUISARTSENZORG',               'Huisartsenzorg',                  true,  date '2024-05-01', null, now(), 'migration V5'),
    ('WIJKVERPLEGING',               'Wijkverpleging',                  true,  date '2024-05-01', null, now(), 'migration V5'),
    ('GGZ',                          'Geestelijke gezondheidszorg',     true,  date '2024-05-01', null, now(), 'migration V5'),
    ('MEDISCH_SPECIALISTISCHE_ZORG', 'Medisch-specialistische zorg',    true,  date '2024-05-01', null, now(), 'migration V5'),
    ('PARAMEDISCHE_ZORG',            'Paramedische zorg',               true,  date '2024-05-01', null, now(), 'migration V5'),
    ('FARMACEUTISCHE_ZORG',          'Farmaceutische zorg',             true,  date '2024-05-01', null, now(), 'migration V5'),
    ('MONDZORG',                     'Mondzorg',                        true,  date '2024-05-01', null, now(), 'migration V5'),
    ('GEBOORTEZORG',                 'Geboortezorg',                    true,  date '2024-05-01', null, now(), 'migration V5'),
    ('ZIEKENVERVOER',                'Ziekenvervoer',                   true,  date '2024-05-01', null, now(), 'migration V5'),
    ('HULPMIDDELENZORG',             'Hulpmiddelenzorg',                true,  date '2024-05-01', null, now(), 'migration V5'),
    ('EERSTELIJNSVERBLIJF',          'Eerstelijnsverblijf',             true,  date '2024-05-01', null, now(), 'migration V5'),
    ('GERIATRISCHE_REVALIDATIEZORG', 'Geriatrische revalidatiezorg',    true,  date '2024-05-01', null, now(), 'migration V5'),
    ('ZINTUIGLIJK_GEHANDICAPTENZORG','Zintuiglijk gehandicaptenzorg',   true,  date '2024-05-01', null, now(), 'migration V5'),
    ('MULTIDISCIPLINAIRE_ZORG',      'Multidisciplinaire zorg',         true,  date '2024-05-01', null, now(), 'migration V5'),
    ('OVERIGE_ZVW',                  'Overige Zvw-zorg (verzamelpost)', false, date '2024-05-01', null, now(), 'migration V5');
