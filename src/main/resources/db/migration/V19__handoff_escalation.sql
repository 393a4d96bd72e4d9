-- A handoff left unanswered past its service level: when it was asked for, when it fell due, when the alert went out
-- and when a member of staff took the conversation.
create table handoff_escalation (
    id               uuid                     not null primary key,
    clinic_id        integer                  not null references clinic (id),
    conversation_id  uuid                     not null references conversation (id) on delete cascade,
    reason_code      varchar(60)              not null,
    urgency          varchar(10)              not null,
    requested_at     timestamp with time zone not null,
    due_at           timestamp with time zone not null,
    escalated_at     timestamp with time zone not null,
    answered_at      timestamp with time zone,
    constraint uq_handoff_escalation unique (conversation_id, requested_at)
);
create index ix_handoff_escalation_time on handoff_escalation (escalated_at);
