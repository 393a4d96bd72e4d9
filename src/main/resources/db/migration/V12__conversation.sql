-- Conversations with patients (web chat now; email and SMS later) and their messages.
-- Text that may carry personal data (messages, the dialogue state, summaries) is encrypted by the application.
create table conversation (
    id                uuid                     not null primary key,
    channel           varchar(20)              not null,
    status            varchar(24)              not null,
    patient_id        uuid                     references patient (id) on delete set null,
    state             text                     not null,
    urgency           varchar(10),
    handoff_reason    varchar(300),
    handoff_summary   text,
    handoff_at        timestamp with time zone,
    assigned_to       uuid,
    message_count     integer                  not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint                   not null default 0
);
create index ix_conversation_status on conversation (status, updated_at);
create index ix_conversation_patient on conversation (patient_id);

create table conversation_message (
    id               uuid                     not null primary key,
    conversation_id  uuid                     not null references conversation (id) on delete cascade,
    position         integer                  not null,
    sender           varchar(10)              not null,
    staff_user_id    uuid,
    text             text                     not null,
    metadata         text,
    created_at       timestamp with time zone not null,
    constraint uq_conversation_message_position unique (conversation_id, position)
);

-- One-time codes for the stronger identity check (hashes only).
create table verification_code (
    id               uuid                     not null primary key,
    conversation_id  uuid                     not null references conversation (id) on delete cascade,
    patient_id       uuid                     not null references patient (id) on delete cascade,
    code_hash        varchar(64)              not null,
    attempts         integer                  not null,
    expires_at       timestamp with time zone not null,
    created_at       timestamp with time zone not null
);
create index ix_verification_code_conversation on verification_code (conversation_id);
