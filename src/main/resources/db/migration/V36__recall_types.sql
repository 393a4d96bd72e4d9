-- Recall types as the clinic edits them (which services a recall visit is, how long until the next is due, for whom).
-- Until a manager edits one, the configured types (smiledesk.campaigns.recalls) apply; the first edit copies them here.
create table recall_type (
    clinic_id      integer                  not null references clinic (id),
    code           varchar(40)              not null,
    name           varchar(200)             not null,
    -- the clinic's service names, one a line
    services       varchar(2000)            not null,
    -- ISO-8601 period, e.g. P6M1D
    recall_interval varchar(20)             not null,
    -- 'child' for patients under 14, null for anyone
    audience       varchar(10),
    updated_at     timestamp with time zone not null,
    primary key (clinic_id, code)
);
