-- Quire schema, version 23: a recording (audio or video) attached to a document. The file itself lives
-- under QUIRE_HOME/media/<project>/<document>.<extension>; this row says what it is. One recording per
-- document; it goes with its document (and project). No existing data changes.
-- Runs unchanged on H2 (embedded default) and PostgreSQL (profile "postgres").

create table media_file (
    document_id   bigint primary key references document (id) on delete cascade,
    project_id    bigint not null references project (id) on delete cascade,
    format        varchar(10) not null,
    original_name varchar(500) not null,
    size_bytes    bigint not null,
    duration_ms   bigint,
    attached_at   timestamp not null
);

create index media_file_project on media_file (project_id);
