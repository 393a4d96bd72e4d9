-- The waitlist (ASAP list): patients who want an earlier time, the times that free up, and the offers sent for them.
-- Every row names its clinic.
create table waitlist_entry (
    id               uuid                     not null primary key,
    clinic_id        integer                  not null references clinic (id),
    patient_id       uuid                     not null references patient (id) on delete cascade,
    service_id       varchar(64)              not null,
    earliest         date                     not null,
    latest           date                     not null,
    -- comma-separated MORNING, AFTERNOON, EVENING
    parts_of_day     varchar(40)              not null,
    -- an appointment to move earlier, or null for a new booking
    appointment_id   uuid,
    source           varchar(20)              not null,
    status           varchar(20)              not null,
    expires_at       timestamp with time zone not null,
    last_offered_at  timestamp with time zone,
    booked_appointment_id uuid,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint                   not null default 0
);
create index ix_waitlist_entry_status on waitlist_entry (clinic_id, status, earliest);
create index ix_waitlist_entry_patient on waitlist_entry (patient_id, status);

-- A time that came free (a cancellation, a move); the first accepted offer claims it: the conditional update of its
-- status from OPEN is where the database decides who was first.
create table waitlist_slot (
    id                    uuid                     not null primary key,
    clinic_id             integer                  not null references clinic (id),
    starts_at             timestamp with time zone not null,
    ends_at               timestamp with time zone not null,
    -- null when the freeing event did not say (a move by another route): any provider then
    provider_id           varchar(64),
    cause                 varchar(20)              not null,
    source_appointment_id uuid                     not null,
    status                varchar(20)              not null,
    freed_at              timestamp with time zone not null,
    last_batch_at         timestamp with time zone,
    batches               integer                  not null default 0,
    claimed_by_offer_id   uuid,
    claimed_at            timestamp with time zone,
    filled_at             timestamp with time zone,
    appointment_id        uuid,
    constraint uq_waitlist_slot_source unique (source_appointment_id, starts_at)
);
create index ix_waitlist_slot_status on waitlist_slot (clinic_id, status, starts_at);

create table waitlist_offer (
    id               uuid                     not null primary key,
    clinic_id        integer                  not null references clinic (id),
    slot_id          uuid                     not null references waitlist_slot (id) on delete cascade,
    entry_id         uuid                     not null references waitlist_entry (id) on delete cascade,
    patient_id       uuid                     not null,
    slot_start       timestamp with time zone not null,
    status           varchar(20)              not null,
    channel          varchar(20),
    conversation_id  uuid,
    reason           varchar(300),
    sent_at          timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    responded_at     timestamp with time zone,
    version          bigint                   not null default 0,
    constraint uq_waitlist_offer_slot_entry unique (slot_id, entry_id)
);
create index ix_waitlist_offer_slot on waitlist_offer (slot_id, status);
create index ix_waitlist_offer_conversation on waitlist_offer (conversation_id, sent_at);
create index ix_waitlist_offer_sent on waitlist_offer (clinic_id, sent_at);
create index ix_waitlist_offer_due on waitlist_offer (status, expires_at);
