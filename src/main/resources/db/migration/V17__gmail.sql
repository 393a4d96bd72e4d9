-- Gmail: the clinic's mailbox, read through the Gmail API when Google Pub/Sub says it changed.

-- The mailbox SmileDesk reads: where the last sync stopped (Gmail's history id) and when the push watch ends.
create table gmail_mailbox (
    clinic_id         integer                  not null primary key references clinic (id),
    email_address     varchar(320),
    history_id        bigint,
    watch_expires_at  timestamp with time zone,
    updated_at        timestamp with time zone not null
);

-- Pub/Sub pushes as they arrived, kept until a sync has read what they announced.
create table gmail_push (
    id                 uuid                     not null primary key,
    clinic_id          integer                  not null references clinic (id),
    pubsub_message_id  varchar(200)             not null,
    data               text                     not null,
    received_at        timestamp with time zone not null,
    attempts           integer                  not null,
    next_attempt_at    timestamp with time zone not null,
    last_error         varchar(500),
    processed_at       timestamp with time zone,
    constraint uq_gmail_push_message unique (clinic_id, pubsub_message_id)
);
create index ix_gmail_push_due on gmail_push (processed_at, next_attempt_at);
