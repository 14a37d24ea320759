-- Audit trail (NEN 7513 spirit): who (client, role, insurer), did what (method + path template), to which object,
-- when, with which outcome. Append-only: rows are never changed or removed by the application, and the trigger
-- below refuses UPDATE, DELETE and TRUNCATE for everyone, so a bug or a stolen application password cannot rewrite
-- history. Versioned 1.1: after messaging's V1, before every service's own V2+.
create table audit_entry (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null,
    client_id   varchar(200) not null,
    role        varchar(100) not null,
    uzovi       char(4),
    action      varchar(500) not null,
    object_type varchar(100),
    object_id   varchar(200),
    outcome     smallint     not null
);

create index audit_entry_occurred_at on audit_entry (occurred_at);
create index audit_entry_client_occurred_at on audit_entry (client_id, occurred_at);

create function audit_entry_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
