-- Quire schema, version 13: study strands. Each document group has a kind (focus group, individual
-- interview, counselling session, field notes/other) and belongs to a strand of the study (the
-- qualitative strand analysed thematically, the fidelity strand scored with MITI, or none). Both
-- are null until a researcher sets them: Quire then infers them when it reads the design (from the
-- group's MITI sessions, its name and how many people speak in its documents), so existing projects
-- get the inferred design at once and keep following their data until someone decides otherwise.
-- Runs unchanged on H2 (embedded default) and PostgreSQL (profile "postgres").

alter table document_group add column kind varchar(20);
alter table document_group add column strand varchar(20);
alter table document_group add constraint document_group_kind_known
    check (kind is null or kind in ('FOCUS_GROUP', 'INTERVIEW', 'COUNSELLING_SESSION', 'FIELD_NOTES'));
alter table document_group add constraint document_group_strand_known
    check (strand is null or strand in ('QUALITATIVE', 'FIDELITY', 'NONE'));

-- A document made from another (a de-identified copy) records its original, so that the copy and
-- its original count as one data-collection session. Existing copies are found through the
-- de-identification log.
alter table document add column derived_from bigint references document (id) on delete set null;
update document set derived_from = (select n.original_id from nlp_deidentified n where n.document_id = document.id)
    where exists (select 1 from nlp_deidentified n where n.document_id = document.id and n.original_id is not null);
