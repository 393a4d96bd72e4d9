-- The languages a provider speaks with patients, in the order staff list them (shown in the public profile and
-- searched by the assistant). Carries its clinic, as every new table does, for when a deployment has several.
create table provider_language (
    clinic_id   integer     not null default 1 references clinic (id),
    provider_id varchar(64) not null references provider (id) on delete cascade,
    position    integer     not null,
    language    varchar(40) not null,
    primary key (provider_id, position)
);
create index ix_provider_language_clinic on provider_language (clinic_id, language);
