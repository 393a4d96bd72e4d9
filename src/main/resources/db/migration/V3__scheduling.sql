create table appointment (
    id               uuid                     not null primary key,
    patient_id       uuid                     not null references patient (id),
    provider_id      varchar(64)              not null references provider (id),
    operatory_id     varchar(64)              not null references operatory (id),
    service_id       varchar(64)              not null references dental_service (id),
    starts_at        timestamp with time zone not null,
    duration_minutes integer                  not null,
    buffer_minutes   integer                  not null,
    status           varchar(20)              not null,
    notes            varchar(2000),
    created_from     varchar(20)              not null,
    campaign_id      varchar(64),
    cancel_reason    varchar(500),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint                   not null default 0
);
create index ix_appointment_start on appointment (starts_at);
create index ix_appointment_provider_start on appointment (provider_id, starts_at);
create index ix_appointment_patient on appointment (patient_id);

create table slot_hold (
    id               uuid                     not null primary key,
    service_id       varchar(64)              not null references dental_service (id),
    provider_id      varchar(64)              not null references provider (id),
    operatory_id     varchar(64)              not null references operatory (id),
    starts_at        timestamp with time zone not null,
    duration_minutes integer                  not null,
    buffer_minutes   integer                  not null,
    expires_at       timestamp with time zone not null,
    created_at       timestamp with time zone not null
);
create index ix_slot_hold_expiry on slot_hold (expires_at);

-- The double-booking guard. Every appointment and every live hold claims each 5-minute granule it occupies
-- (service time plus buffer), once for its provider ('P:<id>') and once for its operatory ('O:<id>').
-- The primary key makes two overlapping claims on the same resource impossible to commit, on any database
-- and under any concurrency. Hold claims carry expires_at; an expired claim is deleted by whoever needs the granule.
create table slot_claim (
    resource       varchar(80)              not null,
    granule        bigint                   not null,
    appointment_id uuid references appointment (id) on delete cascade,
    hold_id        uuid references slot_hold (id) on delete cascade,
    expires_at     timestamp with time zone,
    constraint pk_slot_claim primary key (resource, granule),
    constraint ck_slot_claim_owner check ((appointment_id is null) <> (hold_id is null))
);
create index ix_slot_claim_appointment on slot_claim (appointment_id);
create index ix_slot_claim_hold on slot_claim (hold_id);

create table idempotency_record (
    idempotency_key varchar(300)             not null,
    request_hash    varchar(64)              not null,
    appointment_id  uuid,
    created_at      timestamp with time zone not null,
    constraint pk_idempotency_record primary key (idempotency_key)
);
create index ix_idempotency_created on idempotency_record (created_at);
