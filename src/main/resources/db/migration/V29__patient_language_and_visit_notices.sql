-- The language a patient last booked in (ISO 639-1; null: the clinic's default), so reminders and booking emails
-- speak it.
alter table patient add column language varchar(8);

-- Which visit each booking email was about, so a reply on its thread ("anything sooner?", "can we do Thursday
-- instead?") is read with that visit already chosen, as a reply to a reminder is.
create table visit_notice (
    id              uuid        not null primary key,
    clinic_id       integer     not null references clinic (id),
    appointment_id  uuid        not null,
    conversation_id uuid        not null,
    message_id      uuid        not null,
    kind            varchar(16) not null,
    created_at      timestamp with time zone not null
);
create index ix_visit_notice_conversation on visit_notice (conversation_id, created_at);
