-- Quire schema, version 6: the authors' answers to COREQ checklist items (Tong, Sainsbury & Craig 2007).
create table coreq_answer (
    project_id  bigint not null references project (id) on delete cascade,
    item        integer not null,
    answer      varchar(4000) not null,
    primary key (project_id, item),
    constraint coreq_item_range check (item between 1 and 32)
);
