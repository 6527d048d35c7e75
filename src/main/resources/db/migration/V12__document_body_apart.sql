-- A document's text lives in its own table (issue 10). H2 stores a text column inside the row, so any
-- query that scanned document rows (the name check of every import, the document list, group filters)
-- read every transcript's whole text: at 10,000 transcripts an import spent 93% of its time there.
create table document_body (
    document_id bigint not null primary key references document (id) on delete cascade,
    body        text not null
);

insert into document_body (document_id, body) select id, body from document;

alter table document drop column body;

-- Document names are unique per project ignoring case, and every import checks its name: a lower-cased
-- key with an index answers that check without scanning the project's documents (neither H2 nor
-- PostgreSQL 15 share a syntax for an index on lower(name)). CorpusService writes it with lower(?).
alter table document add column name_key varchar(300);

update document set name_key = lower(name);

alter table document alter column name_key set not null;

create index document_name_key on document (project_id, name_key);
