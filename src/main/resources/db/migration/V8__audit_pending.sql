-- Audit entries are written in the business transaction into this queue (no lock, so bookings commit in parallel)
-- and moved into the hash chain (audit_entry) by the sealer within a fraction of a second.
create table audit_pending (
    id            uuid                     not null primary key,
    occurred_at   timestamp with time zone not null,
    -- keeps entries of the same instant in the order they were recorded
    seq           bigint                   not null,
    actor_id      varchar(64)              not null,
    actor_role    varchar(20),
    action        varchar(60)              not null,
    resource_type varchar(40),
    resource_id   varchar(64),
    ip            varchar(45),
    user_agent    varchar(300),
    outcome       varchar(10)              not null,
    detail        varchar(500)
);
create index ix_audit_pending_order on audit_pending (occurred_at, seq);
