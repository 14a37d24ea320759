-- Bulk loading of national PC6 deliveries (R11, over 10 million rows), part two: every delivery becomes its own
-- partition of insured_count. The intake copies a delivery straight into a fresh table shaped like a partition,
-- builds its unique key in one sorted pass (which also finds duplicate rows) and attaches it, instead of inserting
-- every row into one ever-growing primary key. Market-share lookups name their delivery, so they read one
-- partition. The columns compare bytewise (collation "C"): postcodes and UZOVI codes are plain ASCII, and the
-- key builds and range scans need no locale.
alter table insured_count rename to insured_count_before_partitioning;

create table insured_count (
    delivery_id   uuid                   not null,
    pc4           char(4)    collate "C" not null,
    postcode      varchar(6) collate "C" not null,
    uzovi         char(4)    collate "C" not null,
    insured_count bigint                 not null constraint insured_count_not_negative check (insured_count >= 0)
) partition by list (delivery_id);

-- Deliveries stored before: one partition each, with the same unique key as the intake gives a new one.
do $$
declare
    delivery uuid;
    partition_name text;
begin
    for delivery in select distinct delivery_id from insured_count_before_partitioning loop
        partition_name := 'insured_count_' || replace(delivery::text, '-', '');
        execute format('create table %I partition of insured_count for values in (%L)', partition_name, delivery);
        execute format('insert into %I (delivery_id, pc4, postcode, uzovi, insured_count) '
                || 'select delivery_id, pc4, postcode, uzovi, insured_count from insured_count_before_partitioning '
                || 'where delivery_id = %L', partition_name, delivery);
        execute format('create unique index %I on %I (pc4, postcode, uzovi)', partition_name || '_key', partition_name);
    end loop;
end
$$;

drop table insured_count_before_partitioning;
