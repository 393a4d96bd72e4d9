create table staff_user (
    id              uuid                     not null primary key,
    name            varchar(200)             not null,
    email           varchar(254)             not null,
    role            varchar(20)              not null,
    password_hash   varchar(100)             not null,
    active          boolean                  not null,
    last_login_at   timestamp with time zone,
    failed_logins   integer                  not null default 0,
    locked_until    timestamp with time zone,
    totp_secret     varchar(64),
    totp_enabled    boolean                  not null default false,
    totp_last_step  bigint,
    -- access tokens issued before this instant are refused (logout everywhere, password change, deactivation)
    tokens_not_before timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint                   not null default 0,
    constraint uk_staff_user_email unique (email)
);

-- Refresh tokens are stored as SHA-256 hashes. A family is one login; presenting a rotated (already used) token
-- revokes the whole family, because only a thief holds an old token once the owner has refreshed.
create table refresh_token (
    id          uuid                     not null primary key,
    user_id     uuid                     not null references staff_user (id) on delete cascade,
    family_id   uuid                     not null,
    token_hash  varchar(64)              not null,
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    revoked_at  timestamp with time zone,
    constraint uk_refresh_token_hash unique (token_hash)
);
create index ix_refresh_token_family on refresh_token (family_id);
