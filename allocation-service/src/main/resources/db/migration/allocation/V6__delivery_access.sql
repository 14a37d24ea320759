-- Who may see a delivery (issue 7): the authenticated client that delivered it, and per insurer how many of its
-- rows it holds, so that an insurer's list shows only deliveries with its own rows, and only their count, without
-- scanning the (possibly national, ten million row) count table per request.
alter table insured_count_delivery add column delivered_by_client varchar(200);

create index insured_count_delivery_by_client on insured_count_delivery (delivered_by_client, received_at);

create table insured_count_delivery_insurer (
    delivery_id uuid       not null references insured_count_delivery (id),
    uzovi       char(4)    not null,
    row_count   bigint     not null check (row_count > 0),
    primary key (delivery_id, uzovi)
);

create index insured_count_delivery_insurer_by_uzovi on insured_count_delivery_insurer (uzovi, delivery_id);

-- deliveries stored before this table existed
insert into insured_count_delivery_insurer (delivery_id, uzovi, row_count)
select delivery_id, uzovi, count(*) from insured_count group by delivery_id, uzovi;
