-- The clinic's knowledge base: documents staff write in Markdown, from which the assistant answers questions.
-- The search index (chunks, full text and sentence vectors) is rebuilt in memory from these rows.
create table knowledge_document (
    id          uuid                     not null primary key,
    title       varchar(200)             not null,
    body        text                     not null,
    tags        varchar(1100)            not null,
    updated_by  varchar(200)             not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint                   not null default 0
);
create index ix_knowledge_document_updated on knowledge_document (updated_at);
