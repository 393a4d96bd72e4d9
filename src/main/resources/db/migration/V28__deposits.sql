-- Deposits: some services ask for one before a booking counts. An appointment waiting for its deposit is
-- PENDING_DEPOSIT until deposit_due_by and keeps its slot claims meanwhile. Every new row names its clinic.
alter table appointment add column deposit_due_by timestamp with time zone;

-- What a service asks for: a fixed amount or a percentage of its price, in the clinic's currency.
create table deposit_rule (
    clinic_id   integer        not null references clinic (id),
    service_id  varchar(64)    not null references dental_service (id) on delete cascade,
    amount      numeric(10, 2),
    percent     numeric(5, 2),
    primary key (clinic_id, service_id),
    constraint ck_deposit_rule_kind check ((amount is not null and percent is null and amount > 0)
        or (amount is null and percent is not null and percent > 0 and percent <= 100))
);

-- One deposit per appointment; its Stripe Checkout Session, payment and refund.
create table deposit (
    id                  uuid                     not null primary key,
    clinic_id           integer                  not null references clinic (id),
    appointment_id      uuid                     not null references appointment (id) on delete cascade,
    patient_id          uuid                     not null,
    amount              numeric(10, 2)           not null,
    currency            varchar(3)               not null,
    status              varchar(20)              not null,
    due_by              timestamp with time zone,
    checkout_session_id varchar(255),
    payment_url         varchar(2000),
    payment_intent_id   varchar(255),
    refund_id           varchar(255),
    -- why it last changed: deadline_passed, cancelled_outside_notice, paid_after_release, ...
    note                varchar(300),
    needs_review        boolean                  not null default false,
    paid_at             timestamp with time zone,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint                   not null default 0,
    constraint uq_deposit_appointment unique (appointment_id),
    constraint uq_deposit_session unique (checkout_session_id)
);
create index ix_deposit_status on deposit (clinic_id, status, due_by);
create index ix_deposit_intent on deposit (payment_intent_id);

-- Stripe's events, each stored once (its id is the key) before it is answered, then processed in the background.
create table stripe_event (
    id           varchar(255)             not null primary key,
    clinic_id    integer                  not null references clinic (id),
    type         varchar(100)             not null,
    -- encrypted: a Checkout Session carries the payer's name and email
    payload      text                     not null,
    received_at  timestamp with time zone not null,
    processed_at timestamp with time zone,
    outcome      varchar(300)
);
