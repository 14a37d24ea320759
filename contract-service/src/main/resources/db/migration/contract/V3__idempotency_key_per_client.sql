-- Idempotency keys are stored per client: "<client id> <key>" (the key itself is at most 200 characters).
alter table idempotency_record alter column idempotency_key type varchar(400);
