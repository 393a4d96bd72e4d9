-- Append-only audit trail. Each entry's hash covers its fields and the previous entry's hash, so a changed, removed
-- or inserted row breaks the chain from that point on. audit_head holds the tip; appends lock it briefly.
create table audit_entry (
    id            bigint                   not null primary key,
    occurred_at   timestamp with time zone not null,
    actor_id      varchar(64)              not null,
    actor_role    varchar(20),
    action        varchar(60)              not null,
    resource_type varchar(40),
    resource_id   varchar(64),
    ip            varchar(45),
    user_agent    varchar(300),
    outcome       varchar(10)              not null,
    detail        varchar(500),
    prev_hash     varchar(64)              not null,
    hash          varchar(64)              not null
);
create index ix_audit_occurred on audit_entry (occurred_at);
create index ix_audit_resource on audit_entry (resource_type, resource_id);
create index ix_audit_actor on audit_entry (actor_id);

create table audit_head (
    id        integer     not null primary key,
    last_id   bigint      not null,
    last_hash varchar(64) not null,
    constraint ck_audit_head_singleton check (id = 1)
);
insert into audit_head (id, last_id, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
