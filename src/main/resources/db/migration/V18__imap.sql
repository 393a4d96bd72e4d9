-- Where the IMAP reader left off in each mailbox: the last UID handed to the inbox, valid only while the
-- server's UIDVALIDITY stays the same (a new one renumbers every message).
create table imap_mailbox (
    clinic_id     integer                  not null references clinic (id),
    mailbox       varchar(300)             not null,
    uid_validity  bigint                   not null,
    last_uid      bigint                   not null,
    updated_at    timestamp with time zone not null,
    constraint pk_imap_mailbox primary key (clinic_id, mailbox)
);
