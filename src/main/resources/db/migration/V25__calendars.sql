-- Calendars: read-only iCalendar feeds for staff phones, and Google Calendar sync per provider.
-- Every row names its clinic.

-- A feed's secret is shown once; only its SHA-256 is kept. A null provider is the whole clinic's feed.
create table calendar_feed (
    id           uuid                     not null primary key,
    clinic_id    integer                  not null references clinic (id),
    provider_id  varchar(100),
    token_hash   varchar(64)              not null,
    created_by   varchar(200),
    created_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone
);
create unique index ux_calendar_feed_token on calendar_feed (token_hash);
create index ix_calendar_feed_clinic on calendar_feed (clinic_id, created_at);

-- A provider who syncs with Google Calendar: the calendar, the incremental sync cursor, the push channel.
create table google_calendar_link (
    id                 uuid                     not null primary key,
    clinic_id          integer                  not null references clinic (id),
    provider_id        varchar(100)             not null,
    calendar_id        varchar(300)             not null,
    sync_token         varchar(1000),
    channel_id         varchar(100),
    channel_resource_id varchar(300),
    channel_token      varchar(100),
    channel_expires_at timestamp with time zone,
    last_synced_at     timestamp with time zone,
    last_error         varchar(500),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);
create unique index ux_google_calendar_link_provider on google_calendar_link (clinic_id, provider_id);
create unique index ux_google_calendar_link_channel on google_calendar_link (channel_id);

-- Which Google event shows which appointment, so that moves patch it and retries never duplicate it.
create table google_calendar_event (
    appointment_id   uuid                     not null primary key,
    clinic_id        integer                  not null references clinic (id),
    provider_id      varchar(100)             not null,
    calendar_id      varchar(300)             not null,
    google_event_id  varchar(1024)            not null,
    updated_at       timestamp with time zone not null
);

-- The provider's own busy events in Google: unavailable time for availability.
create table google_calendar_busy (
    id               uuid                     not null primary key,
    clinic_id        integer                  not null references clinic (id),
    provider_id      varchar(100)             not null,
    google_event_id  varchar(1024)            not null,
    starts_at        timestamp with time zone not null,
    ends_at          timestamp with time zone not null
);
create unique index ux_google_calendar_busy_event on google_calendar_busy (clinic_id, provider_id, google_event_id);
create index ix_google_calendar_busy_time on google_calendar_busy (clinic_id, starts_at);
