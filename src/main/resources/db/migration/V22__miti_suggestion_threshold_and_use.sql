-- MITI suggestions: the confidence below which a coder's screen shows no suggestion (per coder and
-- project), and what coders did with the suggestions they were shown (per coder, session and
-- utterance: the suggested code and the code the coder gave), so a lab can see where it misleads.
create table miti_suggestion_threshold (
    project_id  bigint not null references project (id) on delete cascade,
    coder       varchar(200) not null,
    threshold   double precision not null,
    primary key (project_id, coder)
);

create table miti_suggestion_use (
    session_id      bigint not null references miti_session (id) on delete cascade,
    coder           varchar(200) not null,
    utterance_start integer not null,
    suggested       varchar(20) not null,
    chosen          varchar(20) not null,
    primary key (session_id, coder, utterance_start)
);
