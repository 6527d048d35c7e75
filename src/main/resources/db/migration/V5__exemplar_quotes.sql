-- Quire schema, version 5: the codings a researcher chose as exemplar quotes for joint displays and reports.
create table exemplar (
    coding_id   bigint primary key references coding (id) on delete cascade,
    project_id  bigint not null references project (id) on delete cascade
);
