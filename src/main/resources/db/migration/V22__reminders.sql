-- Appointment reminders: each clinic's rules (defaults apply while a clinic has none), and a ledger with one row per
-- appointment, start and rule, so that a reminder is never sent twice for the same visit and staff see what went out.
create table reminder_rule (
    clinic_id          integer     not null references clinic (id),
    code               varchar(40) not null,
    offset_minutes     integer     not null,
    asks_confirmation  boolean     not null,
    enabled            boolean     not null,
    primary key (clinic_id, code)
);

create table reminder_settings (
    clinic_id                     integer                  not null primary key references clinic (id),
    -- comma-separated: preferred, sms, whatsapp, email
    channel_order                 varchar(100)             not null,
    skip_if_booked_within_minutes integer                  not null,
    missed_you                    boolean                  not null,
    updated_at                    timestamp with time zone not null
);

create table reminder (
    id                 uuid                     not null primary key,
    clinic_id          integer                  not null references clinic (id),
    appointment_id     uuid                     not null,
    -- the start the reminder is for: a moved appointment gets its reminders again
    appointment_start  timestamp with time zone not null,
    rule_code          varchar(40)              not null,
    asks_confirmation  boolean                  not null,
    due_at             timestamp with time zone not null,
    status             varchar(20)              not null,
    detail             varchar(500),
    channel            varchar(20),
    conversation_id    uuid,
    message_id         uuid,
    response           varchar(20),
    response_via       varchar(20),
    responded_at       timestamp with time zone,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint uq_reminder_once unique (appointment_id, appointment_start, rule_code)
);
create index ix_reminder_conversation on reminder (conversation_id, created_at);
create index ix_reminder_pending on reminder (status, due_at);

-- A notice of the patient's own booking (its confirmation, a move, a cancellation) carries a subject and a file
-- (the visit's iCalendar); the file holds personal data and is encrypted by the application.
alter table channel_outbound add column subject varchar(300);
alter table channel_outbound add column attachment_name varchar(100);
alter table channel_outbound add column attachment_type varchar(100);
alter table channel_outbound add column attachment text;
