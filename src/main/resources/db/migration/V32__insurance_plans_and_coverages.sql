-- Insurance: the carriers the clinic works with, their plans, subscribers and the patients' coverages.
-- Money is numeric with its currency. Every row names its clinic.

create table insurance_carrier (
    id         uuid                     not null primary key,
    clinic_id  integer                  not null references clinic (id),
    name       varchar(120)             not null,
    -- the payer id claims are addressed to
    payer_id   varchar(40),
    created_at timestamp with time zone not null,
    constraint uq_insurance_carrier_name unique (clinic_id, name)
);

-- A plan (an employer's group): what it pays per benefit category after its deductible, up to its annual maximum.
create table insurance_plan (
    id                  uuid                     not null primary key,
    clinic_id           integer                  not null references clinic (id),
    carrier_id          uuid                     not null references insurance_carrier (id),
    name                varchar(120)             not null,
    group_number        varchar(40),
    annual_maximum      numeric(12, 2)           not null,
    deductible          numeric(12, 2)           not null,
    currency            varchar(3)               not null,
    preventive_percent  integer                  not null,
    basic_percent       integer                  not null,
    major_percent       integer                  not null,
    orthodontic_percent integer                  not null,
    created_at          timestamp with time zone not null,
    constraint ck_insurance_plan_money check (annual_maximum >= 0 and deductible >= 0),
    constraint ck_insurance_plan_percent check (preventive_percent between 0 and 100
        and basic_percent between 0 and 100 and major_percent between 0 and 100
        and orthodontic_percent between 0 and 100)
);
create index ix_insurance_plan_carrier on insurance_plan (clinic_id, carrier_id);

-- The person holding the policy; the patient or a family member.
create table insurance_subscriber (
    id            uuid         not null primary key,
    clinic_id     integer      not null references clinic (id),
    plan_id       uuid         not null references insurance_plan (id),
    member_id     varchar(40)  not null,
    name          varchar(120) not null,
    date_of_birth date,
    constraint uq_insurance_subscriber_member unique (clinic_id, plan_id, member_id)
);

-- A patient covered by a subscriber's plan, primary or secondary, from effective_on to ends_on (inclusive, open).
-- Goes with the patient's record.
create table insurance_coverage (
    id            uuid                     not null primary key,
    clinic_id     integer                  not null references clinic (id),
    patient_id    uuid                     not null references patient (id) on delete cascade,
    subscriber_id uuid                     not null references insurance_subscriber (id),
    -- PRIMARY, SECONDARY
    priority      varchar(10)              not null,
    -- SELF, SPOUSE, CHILD, OTHER
    relationship  varchar(10)              not null,
    effective_on  date                     not null,
    ends_on       date,
    created_at    timestamp with time zone not null,
    constraint ck_insurance_coverage_dates check (ends_on is null or ends_on >= effective_on)
);
create index ix_insurance_coverage_patient on insurance_coverage (clinic_id, patient_id);
