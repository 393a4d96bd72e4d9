-- Single clinic per deployment: one settings row with id = 1.
create table clinic (
    id                         integer      not null primary key,
    name                       varchar(200) not null,
    address_line               varchar(300) not null,
    city                       varchar(120) not null,
    region                     varchar(120),
    postal_code                varchar(20),
    country                    varchar(2)   not null,
    phone                      varchar(32)  not null,
    emergency_phone            varchar(32),
    email                      varchar(254),
    website                    varchar(300),
    time_zone                  varchar(64)  not null,
    currency                   varchar(3)   not null,
    min_booking_notice_minutes integer      not null,
    max_booking_horizon_days   integer      not null,
    slot_interval_minutes      integer      not null,
    cancellation_notice_hours  integer      not null,
    hold_minutes               integer      not null,
    version                    bigint       not null default 0,
    constraint ck_clinic_singleton check (id = 1)
);

create table clinic_opening_hours (
    clinic_id   integer     not null references clinic (id),
    day_of_week varchar(10) not null,
    starts_at   time        not null,
    ends_at     time        not null,
    constraint ck_opening_hours_order check (starts_at < ends_at)
);

create table clinic_closure (
    id        uuid         not null primary key,
    starts_on date         not null,
    ends_on   date         not null,
    reason    varchar(200) not null,
    constraint ck_closure_order check (starts_on <= ends_on)
);

create table provider (
    id     varchar(64)  not null primary key,
    name   varchar(200) not null,
    role   varchar(20)  not null,
    title  varchar(100),
    bio    varchar(2000),
    active boolean      not null,
    version bigint      not null default 0
);

create table provider_hours (
    provider_id varchar(64) not null references provider (id) on delete cascade,
    day_of_week varchar(10) not null,
    starts_at   time        not null,
    ends_at     time        not null,
    constraint ck_provider_hours_order check (starts_at < ends_at)
);

create table provider_break (
    provider_id varchar(64) not null references provider (id) on delete cascade,
    day_of_week varchar(10) not null,
    starts_at   time        not null,
    ends_at     time        not null,
    constraint ck_provider_break_order check (starts_at < ends_at)
);

create table provider_time_off (
    id          uuid                     not null primary key,
    provider_id varchar(64)              not null references provider (id) on delete cascade,
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    reason      varchar(200),
    constraint ck_time_off_order check (starts_at < ends_at)
);
create index ix_time_off_provider on provider_time_off (provider_id, starts_at);

create table dental_service (
    id               varchar(64)    not null primary key,
    name             varchar(120)   not null,
    description      varchar(1000),
    duration_minutes integer        not null,
    buffer_minutes   integer        not null,
    price            numeric(10, 2) not null,
    active           boolean        not null,
    version          bigint         not null default 0,
    constraint uk_dental_service_name unique (name),
    constraint ck_service_duration check (duration_minutes > 0 and mod(duration_minutes, 5) = 0),
    constraint ck_service_buffer check (buffer_minutes >= 0 and mod(buffer_minutes, 5) = 0)
);

create table dental_service_role (
    service_id varchar(64) not null references dental_service (id) on delete cascade,
    role       varchar(20) not null,
    primary key (service_id, role)
);

create table operatory (
    id      varchar(64)  not null primary key,
    name    varchar(120) not null,
    active  boolean      not null,
    version bigint       not null default 0
);
