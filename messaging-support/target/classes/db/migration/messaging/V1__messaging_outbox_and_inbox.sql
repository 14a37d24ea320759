-- Transactional outbox: events written in the same transaction as the state change they announce,
-- published to Kafka in id order by the relay, deleted once the broker has acknowledged them.
create table outbox_message (
    id          bigserial    primary key,
    topic       varchar(200) not null,
    message_key varchar(200) not null,
    value_type  varchar(300) not null,
    payload     bytea        not null,
    created_at  timestamptz  not null default now()
);

-- Inbox: the ids of the events a consumer has applied; a redelivered event is a no-op.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
