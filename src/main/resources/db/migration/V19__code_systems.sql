-- Code systems (issue 18): the thematic codebook (e.g. RE-AIM themes) and the MITI 4.2.1 behaviour codes
-- are separate systems, so themes, the framework matrix, co-occurrence and inter-coder agreement can use one
-- of them instead of pooling both. Every existing code is thematic except the MITI codebook: the codes of the
-- shipped codebooks/miti-4.2.1.qdc (by GUID), a top-level code named as its root (as quire.fidelity finds
-- the behaviour codes), and every code below those. No row is removed or otherwise changed.
alter table code add column code_system varchar(10) default 'THEMATIC' not null;

alter table code add constraint code_system_known check (code_system in ('THEMATIC', 'MITI'));

update code set code_system = 'MITI'
where guid in ('3ea389e2-1bbe-41ad-8bc9-6d92755b5a46', '15d1d41a-81b7-4caf-9bb0-3b57ff9a6938',
               '0045f439-67aa-48b8-8347-6f8d10fbebfd', '41aefa01-d1f2-4e05-a959-b5c9c4ea366f',
               '4e1518b9-ab9a-4c4c-b35b-ec862a29f415', '0d58f644-ea3e-4b35-a25a-0ef143a89c70',
               'dd1ec5a6-2efc-4478-ba81-2d255b3d3259', 'ab3f99d7-7883-404e-931c-fa4320693204',
               'b36f643e-a6da-471b-b313-80f45c3a1240', '11da0969-120e-49ff-91aa-8d4fcc23953d',
               '2d2cca92-5a0f-4d94-b2b2-43b3c6176145')
   or (parent_id is null and name = 'MITI 4.2.1 behaviour codes');

-- Codes below a MITI code, down to five levels (the MITI codebook has two).
update code set code_system = 'MITI' where parent_id in (select id from (select id from code where code_system = 'MITI') m);
update code set code_system = 'MITI' where parent_id in (select id from (select id from code where code_system = 'MITI') m);
update code set code_system = 'MITI' where parent_id in (select id from (select id from code where code_system = 'MITI') m);
update code set code_system = 'MITI' where parent_id in (select id from (select id from code where code_system = 'MITI') m);
update code set code_system = 'MITI' where parent_id in (select id from (select id from code where code_system = 'MITI') m);

create index code_project_system on code (project_id, code_system);
