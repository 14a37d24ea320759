-- Insured-count deliveries (R11): one current dataset per source and reference date, earlier ones kept as history.
create table insured_count_delivery (
    id             uuid         primary key,
    source         varchar(30)  not null,
    reference_date date         not null,
    delivered_by   varchar(100),
    postcode_level varchar(3)   not null,
    row_count      bigint       not null,
    status         varchar(20)  not null,
    received_at    timestamptz  not null,
    replaced_by    uuid         references insured_count_delivery (id),
    replaced_at    timestamptz
);

create unique index insured_count_delivery_one_current
    on insured_count_delivery (source, reference_date) where status = 'CURRENT';

create table insured_count (
    delivery_id   uuid        not null references insured_count_delivery (id),
    pc4           char(4)     not null,
    postcode      varchar(6)  not null,
    uzovi         char(4)     not null,
    insured_count bigint      not null check (insured_count >= 0),
    primary key (delivery_id, pc4, postcode, uzovi)
);
