-- Analytics read model, fed by the scheduling and conversation modules' events (see io.smiledesk.analytics).
-- Dates, weekdays and hours are clinic-local, worked out once when the event is recorded, so reports are plain
-- GROUP BY queries on any database. No foreign keys: the read model outlives corrections in the source tables.
create table analytics_appointment (
    appointment_id uuid                     not null primary key,
    created_from   varchar(20)              not null,
    booked_at      timestamp with time zone not null,
    booked_on      date                     not null,
    starts_at      timestamp with time zone not null,
    starts_on      date                     not null,
    start_weekday  integer                  not null,
    start_hour     integer                  not null,
    status         varchar(20)              not null
);
create index ix_analytics_appointment_booked on analytics_appointment (booked_on);
create index ix_analytics_appointment_starts on analytics_appointment (starts_on);

create table analytics_conversation (
    conversation_id uuid                     not null primary key,
    channel         varchar(20)              not null,
    started_at      timestamp with time zone not null,
    started_on      date                     not null,
    booked          boolean                  not null
);
create index ix_analytics_conversation_started on analytics_conversation (started_on);

create table analytics_handoff (
    id              uuid                     not null primary key,
    conversation_id uuid                     not null,
    requested_at    timestamp with time zone not null,
    requested_on    date                     not null,
    reason          varchar(120)             not null
);
create index ix_analytics_handoff_requested on analytics_handoff (requested_on);
