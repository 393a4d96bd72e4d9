-- When each member of staff is on duty (clinic-local weekly hours), so that a handoff goes to someone who is there.
create table staff_duty_hours (
    id           uuid        not null primary key,
    clinic_id    integer     not null references clinic (id),
    staff_id     uuid        not null references staff_user (id) on delete cascade,
    day_of_week  varchar(9)  not null,
    starts_at    time        not null,
    ends_at      time        not null,
    constraint ck_staff_duty_hours_range check (starts_at < ends_at)
);
create index ix_staff_duty_hours_staff on staff_duty_hours (staff_id);

-- Who a handoff went to and how (round robin, claimed from the queue, or left unassigned with nobody on duty);
-- the highest turn per member of staff says whose turn is next (the clock may show two assignments at one instant).
create table handoff_assignment (
    id               uuid                     not null primary key,
    clinic_id        integer                  not null references clinic (id),
    conversation_id  uuid                     not null references conversation (id) on delete cascade,
    requested_at     timestamp with time zone not null,
    staff_id         uuid references staff_user (id) on delete set null,
    method           varchar(20)              not null,
    turn             bigint                   not null,
    assigned_at      timestamp with time zone not null
);
create index ix_handoff_assignment_conversation on handoff_assignment (conversation_id, requested_at);
create index ix_handoff_assignment_staff on handoff_assignment (staff_id, assigned_at);

-- The subject a patient's email came with (encrypted: patients write what ails them there), so that the reply is
-- "Re: <their subject>" in their mail client's thread.
alter table channel_inbound add column subject text;
alter table channel_thread add column subject text;
