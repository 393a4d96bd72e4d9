create table patient (
    id                 uuid                     not null primary key,
    name               varchar(200)             not null,
    email              varchar(254),
    phone              varchar(20),
    date_of_birth      date,
    patient_type       varchar(20)              not null,
    preferred_channel  varchar(20)              not null,
    next_follow_up_date date,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint                   not null default 0,
    constraint uk_patient_email unique (email),
    constraint uk_patient_phone unique (phone),
    constraint ck_patient_contact check (email is not null or phone is not null)
);
create index ix_patient_name on patient (name);

create table patient_treatment (
    id                  uuid         not null primary key,
    patient_id          uuid         not null references patient (id) on delete cascade,
    procedure_name      varchar(200) not null,
    performed_on        date         not null,
    next_recommended    varchar(200),
    next_follow_up_date date,
    appointment_id      uuid
);
create index ix_treatment_patient on patient_treatment (patient_id, performed_on);
