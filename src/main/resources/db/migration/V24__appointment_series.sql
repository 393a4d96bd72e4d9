-- Recurring visits: a series is written first, then each occurrence as it is booked (or found unavailable), so a
-- retry with the same Idempotency-Key finds the series and books only what is missing. Every row names its clinic.
create table appointment_series (
    id                  uuid                     not null primary key,
    clinic_id           integer                  not null references clinic (id),
    patient_id          uuid                     not null references patient (id) on delete cascade,
    service_id          varchar(64)              not null references dental_service (id),
    provider_id         varchar(64)              references provider (id),
    first_start         timestamp with time zone not null,
    recurrence_unit     varchar(10)              not null,
    recurrence_interval integer                  not null,
    occurrence_count    integer                  not null,
    idempotency_key     varchar(300),
    request_hash        varchar(64)              not null,
    created_at          timestamp with time zone not null,
    constraint uq_appointment_series_key unique (clinic_id, idempotency_key)
);
create index ix_appointment_series_patient on appointment_series (patient_id);

-- One row per planned occurrence: the appointment booked for it, or why none could be. An appointment deleted as
-- entered by mistake leaves its occurrence unbooked.
create table appointment_series_occurrence (
    series_id          uuid                     not null references appointment_series (id) on delete cascade,
    position           integer                  not null,
    clinic_id          integer                  not null references clinic (id),
    planned_start      timestamp with time zone not null,
    appointment_id     uuid                     references appointment (id) on delete set null,
    unavailable_reason varchar(40),
    constraint pk_appointment_series_occurrence primary key (series_id, position)
);
create index ix_appointment_series_appointment on appointment_series_occurrence (appointment_id);
