-- Billing: fees staff set per procedure code, one statement (invoice) per completed visit, and the patients' ledger.
-- Money is numeric with its currency, never floating point. Every row names its clinic. Patients and appointments
-- are referred to without foreign keys: financial records outlive a deleted record or a visit removed by mistake.

-- A fee staff set for a CDT procedure code, in place of the services catalogue's price.
create table procedure_fee (
    clinic_id  integer                  not null references clinic (id),
    code       varchar(64)              not null,
    amount     numeric(12, 2)           not null,
    currency   varchar(3)               not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    primary key (clinic_id, code),
    constraint ck_procedure_fee_amount check (amount >= 0)
);

-- One statement per completed visit: unique per appointment, so a visit is billed once.
create table invoice (
    id             uuid                     not null primary key,
    clinic_id      integer                  not null references clinic (id),
    patient_id     uuid                     not null,
    appointment_id uuid                     not null,
    service_id     varchar(64),
    provider_id    varchar(64),
    visit_at       timestamp with time zone not null,
    currency       varchar(3)               not null,
    created_at     timestamp with time zone not null,
    constraint uq_invoice_appointment unique (clinic_id, appointment_id)
);
create index ix_invoice_patient on invoice (clinic_id, patient_id, visit_at);

-- The ledger: posted once, never changed. amount is signed, positive when it raises what the patient owes.
create table ledger_entry (
    id              uuid                     not null primary key,
    clinic_id       integer                  not null references clinic (id),
    patient_id      uuid                     not null,
    invoice_id      uuid references invoice (id),
    -- CHARGE, PAYMENT, DEPOSIT_CREDIT, ADJUSTMENT, WRITE_OFF
    kind            varchar(20)              not null,
    -- payments only: CARD_ONLINE, CASH, CHECK, CARD_TERMINAL
    method          varchar(20),
    procedure_code  varchar(64),
    description     varchar(200)             not null,
    amount          numeric(12, 2)           not null,
    currency        varchar(3)               not null,
    -- a check number, a terminal receipt, the deposit or Stripe session it came from
    reference       varchar(255),
    -- what makes posting twice impossible: charge:<appointment>:<code>, deposit:<id>, payment:<client key>
    idempotency_key varchar(300),
    request_hash    varchar(64),
    posted_at       timestamp with time zone not null,
    posted_by       varchar(100),
    constraint uq_ledger_entry_key unique (clinic_id, idempotency_key),
    constraint ck_ledger_entry_sign check ((kind = 'CHARGE' and amount > 0)
        or (kind = 'ADJUSTMENT' and amount <> 0)
        or (kind in ('PAYMENT', 'DEPOSIT_CREDIT', 'WRITE_OFF') and amount < 0)),
    constraint ck_ledger_entry_method check ((kind = 'PAYMENT' and method is not null)
        or (kind <> 'PAYMENT' and method is null))
);
create index ix_ledger_entry_patient on ledger_entry (clinic_id, patient_id, posted_at);
create index ix_ledger_entry_invoice on ledger_entry (invoice_id);
