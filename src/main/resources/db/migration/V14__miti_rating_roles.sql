-- Quire schema, version 14: each MITI rating has a stored role. The primary rating of a session is the
-- one results use; reliability ratings (double-coding) feed the ICC only. There is one primary per
-- session and source (coding lab, coded in Quire), so a session rated by a lab and coded in Quire has
-- one of each, and results choose the source.
-- Existing data: until now the primary rating was computed, the first complete one (all four globals)
-- recorded for the session. Per session and source that rating becomes PRIMARY; where no rating of a
-- session and source is complete yet (coding in progress), the first recorded one. Every other rating
-- becomes RELIABILITY. No rating is removed or changed otherwise.
-- Runs unchanged on H2 (embedded default) and PostgreSQL (profile "postgres").

alter table miti_rating add column rating_role varchar(12) default 'RELIABILITY' not null;

update miti_rating set rating_role = 'PRIMARY' where id in (
    select min(r.id) from miti_rating r
    where r.cct is not null and r.sst is not null and r.partnership is not null and r.empathy is not null
    group by r.session_id, r.source);

update miti_rating set rating_role = 'PRIMARY' where id in (
    select min(r.id) from miti_rating r
    group by r.session_id, r.source
    having count(case when r.cct is not null and r.sst is not null and r.partnership is not null
                      and r.empathy is not null then 1 end) = 0);

alter table miti_rating add constraint miti_rating_role_known check (rating_role in ('PRIMARY', 'RELIABILITY'));
