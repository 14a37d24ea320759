-- Issue 16: the accounts money is paid from and to. A provider registers its own account (per AGB code), an insurer
-- its debtor account (per UZOVI code). The current account per holder, and every change kept (append-only), so a
-- payment run can always say which account it used and an audit can say who changed it when.

create table payee_bank_account (
    agb            char(8)      primary key,
    iban           varchar(34)  not null,
    bic            varchar(11),
    account_holder varchar(140) not null,
    revision       int          not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(200) not null
);

create table insurer_bank_account (
    uzovi          char(4)      primary key,
    iban           varchar(34)  not null,
    bic            varchar(11),
    account_holder varchar(140) not null,
    revision       int          not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(200) not null
);

-- every registration and change of either kind, in order; never updated or deleted
create table bank_account_change (
    id             bigint generated always as identity primary key,
    holder_kind    varchar(10)  not null check (holder_kind in ('PAYEE', 'INSURER')),
    holder_code    varchar(8)   not null,
    revision       int          not null,
    iban           varchar(34)  not null,
    bic            varchar(11),
    account_holder varchar(140) not null,
    changed_at     timestamptz  not null,
    changed_by     varchar(200) not null,
    unique (holder_kind, holder_code, revision)
);

create function bank_account_change_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'bank_account_change is append-only';
end;
$$;

create trigger bank_account_change_append_only before update or delete on bank_account_change
    for each row execute function bank_account_change_is_append_only();
