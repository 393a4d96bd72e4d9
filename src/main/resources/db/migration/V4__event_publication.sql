-- Spring Modulith event publication registry (JPA), schema v2.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            varchar(512)             not null,
    event_type             varchar(512)             not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index ix_event_publication_completion on event_publication (completion_date);
