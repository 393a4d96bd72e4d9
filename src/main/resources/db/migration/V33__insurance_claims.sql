-- Claims: one per billed visit and coverage, its procedures with the estimate made when it was created and what the
-- insurer paid or the clinic wrote off. No foreign keys to invoices or ledger entries: those are billing's, and
-- financial records outlive a deleted patient record.
create table insurance_claim (
    id             uuid                     not null primary key,
    clinic_id      integer                  not null references clinic (id),
    patient_id     uuid                     not null,
    coverage_id    uuid                     not null,
    invoice_id     uuid                     not null,
    appointment_id uuid                     not null,
    service_date   date                     not null,
    currency       varchar(3)               not null,
    -- UNSENT, SENT, RECEIVED, PAID, DENIED
    status         varchar(10)              not null,
    created_at     timestamp with time zone not null,
    sent_on        date,
    received_on    date,
    paid_on        date,
    denied_on      date,
    denial_reason  varchar(200),
    payer_reference varchar(100),
    constraint uq_insurance_claim_visit unique (clinic_id, invoice_id, coverage_id),
    constraint ck_insurance_claim_sent check (status = 'UNSENT' or sent_on is not null)
);
create index ix_insurance_claim_status on insurance_claim (clinic_id, status, sent_on);
create index ix_insurance_claim_coverage on insurance_claim (clinic_id, coverage_id, service_date);

create table insurance_claim_line (
    id                 uuid           not null primary key,
    clinic_id          integer        not null references clinic (id),
    claim_id           uuid           not null references insurance_claim (id) on delete cascade,
    line_no            integer        not null,
    ledger_entry_id    uuid           not null,
    procedure_code     varchar(64),
    description        varchar(200)   not null,
    fee                numeric(12, 2) not null,
    estimate           numeric(12, 2) not null,
    deductible_applied numeric(12, 2) not null,
    paid               numeric(12, 2) not null default 0,
    written_off        numeric(12, 2) not null default 0,
    constraint ck_insurance_claim_line_money check (fee >= 0 and estimate >= 0 and deductible_applied >= 0
        and paid >= 0 and written_off >= 0 and paid + written_off <= fee)
);
create index ix_insurance_claim_line_claim on insurance_claim_line (claim_id);
