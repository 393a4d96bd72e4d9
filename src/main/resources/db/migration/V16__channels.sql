-- Patients' own channels (email, SMS, WhatsApp, voice): a durable inbox, an outbox, threads and consent.
-- Every row names its clinic. Texts and addresses that identify patients are encrypted by the application;
-- an address is also kept as a keyed hash so it can be looked up.

-- What providers delivered, stored before it is acknowledged; handled in the background, once.
create table channel_inbound (
    id                  uuid                     not null primary key,
    clinic_id           integer                  not null references clinic (id),
    channel             varchar(20)              not null,
    provider            varchar(20)              not null,
    provider_message_id varchar(200)             not null,
    thread_key          varchar(300)             not null,
    sender              text                     not null,
    body                text                     not null,
    status              varchar(20)              not null,
    attempts            integer                  not null,
    next_attempt_at     timestamp with time zone not null,
    last_error          varchar(500),
    conversation_id     uuid,
    received_at         timestamp with time zone not null,
    processed_at        timestamp with time zone,
    constraint uq_channel_inbound_message unique (clinic_id, channel, provider_message_id)
);
create index ix_channel_inbound_due on channel_inbound (status, next_attempt_at);

-- A conversation on a channel, found again by its thread (a phone number, an email thread, a call).
create table channel_thread (
    id                uuid                     not null primary key,
    clinic_id         integer                  not null references clinic (id),
    channel           varchar(20)              not null,
    thread_key        varchar(300)             not null,
    address           text                     not null,
    address_hash      varchar(64)              not null,
    conversation_id   uuid                     not null,
    patient_id        uuid,
    created_at        timestamp with time zone not null,
    last_inbound_at   timestamp with time zone,
    -- the provider's id of the patient's latest message (an email's Message-ID, for In-Reply-To)
    last_message_ref  varchar(300),
    constraint uq_channel_thread_key unique (clinic_id, channel, thread_key),
    constraint uq_channel_thread_conversation unique (conversation_id)
);
create index ix_channel_thread_patient on channel_thread (patient_id);

-- What SmileDesk sends, written with the decision that makes it and sent by the dispatcher.
create table channel_outbound (
    id                      uuid                     not null primary key,
    clinic_id               integer                  not null references clinic (id),
    channel                 varchar(20)              not null,
    conversation_id         uuid,
    conversation_message_id uuid,
    recipient               text                     not null,
    recipient_hash          varchar(64)              not null,
    body                    text                     not null,
    kind                    varchar(20)              not null,
    status                  varchar(20)              not null,
    attempts                integer                  not null,
    next_attempt_at         timestamp with time zone,
    claimed_until           timestamp with time zone,
    last_error              varchar(500),
    provider_message_id     varchar(200),
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    version                 bigint                   not null default 0,
    constraint uq_channel_outbound_message unique (conversation_message_id)
);
create index ix_channel_outbound_due on channel_outbound (status, next_attempt_at);
create index ix_channel_outbound_provider on channel_outbound (provider_message_id);
create index ix_channel_outbound_conversation on channel_outbound (conversation_id);
create index ix_channel_outbound_recipient on channel_outbound (recipient_hash, created_at);

-- Whether a patient's address on a channel may receive proactive messages.
create table channel_consent (
    clinic_id      integer                  not null references clinic (id),
    channel        varchar(20)              not null,
    address_hash   varchar(64)              not null,
    opted_out      boolean                  not null,
    changed_at     timestamp with time zone not null,
    constraint pk_channel_consent primary key (clinic_id, channel, address_hash)
);

-- Provider payloads that could not be read: acknowledged, kept with the reason for staff.
create table channel_dead_letter (
    id           uuid                     not null primary key,
    clinic_id    integer                  not null references clinic (id),
    provider     varchar(20)              not null,
    reason       varchar(500)             not null,
    payload      text                     not null,
    received_at  timestamp with time zone not null
);

-- A patient's message carries the provider's id, so a message delivered twice is answered once.
alter table conversation_message add column external_id varchar(200);
alter table conversation_message add constraint uq_conversation_message_external unique (conversation_id, external_id);
