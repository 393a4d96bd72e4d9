-- Recall and recovery campaigns: who the clinic writes to first, on which thread, how often, and what came of it.
-- Every row names its clinic. Interaction texts are patients' words and are encrypted by the application.
create table campaign (
    id                  uuid                     not null primary key,
    clinic_id           integer                  not null references clinic (id),
    patient_id          uuid                     not null references patient (id) on delete cascade,
    campaign_type       varchar(20)              not null,
    status              varchar(30)              not null,
    channel             varchar(20),
    thread_id           varchar(300),
    conversation_id     uuid,
    due_service         varchar(200),
    engagement_summary  text,
    attempts_made       integer                  not null,
    max_attempts        integer                  not null,
    next_attempt_at     timestamp with time zone,
    funnel_status       varchar(20),
    link_url            varchar(1000),
    submitted_at        timestamp with time zone,
    handoff_reason      varchar(300),
    handoff_summary     text,
    handoff_at          timestamp with time zone,
    estimated_value     numeric(12, 2),
    initial_inquiry     text,
    appointment_id      uuid,
    -- the clinic day of the run that created it, so that a second run that day creates nothing
    created_on          date                     not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint                   not null default 0
);
create index ix_campaign_patient on campaign (patient_id, status);
create index ix_campaign_conversation on campaign (conversation_id);
create index ix_campaign_due on campaign (status, next_attempt_at);
create index ix_campaign_listing on campaign (clinic_id, updated_at);

-- Every message of a campaign's conversation, seen through the campaign, with how an incoming one was read;
-- also what staff note by hand (a phone call). A conversation message appears once.
create table campaign_interaction (
    id                uuid                     not null primary key,
    clinic_id         integer                  not null references clinic (id),
    campaign_id       uuid                     not null references campaign (id) on delete cascade,
    message_id        uuid,
    direction         varchar(10)              not null,
    content           text                     not null,
    intent            varchar(40),
    sentiment         varchar(10),
    language          varchar(5),
    -- the message's place in its conversation, which orders messages written in the same instant
    position          integer,
    occurred_at       timestamp with time zone not null,
    constraint uq_campaign_interaction_message unique (campaign_id, message_id)
);
create index ix_campaign_interaction_time on campaign_interaction (campaign_id, occurred_at);

-- The days the daily run has done, per clinic: a second instance or a restart does not run it again.
create table campaign_run (
    clinic_id          integer                  not null references clinic (id),
    run_on             date                     not null,
    started_at         timestamp with time zone not null,
    campaigns_created  integer                  not null,
    messages_queued    integer                  not null,
    campaigns_failed   integer                  not null,
    primary key (clinic_id, run_on)
);

-- ShedLock's table: one instance at a time runs a scheduled job.
create table shedlock (
    name       varchar(64)              not null primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255)             not null
);
