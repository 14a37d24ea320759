-- Bulk loading of national PC6 deliveries (R11, over 10 million rows): a per-row foreign-key check from every
-- count row to its delivery roughly doubled the load time. The rows are only ever written in the same
-- transaction that inserts their delivery (and never deleted), so the application guarantees the reference.
alter table insured_count drop constraint insured_count_delivery_id_fkey;
