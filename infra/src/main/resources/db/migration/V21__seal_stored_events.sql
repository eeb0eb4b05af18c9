-- Issue 17: the events stored before their personal fields were encrypted are sealed in place by
-- StoredEventSealing, up to the last event stored before this upgrade; new events are sealed when
-- written. One row: the last event to look at and how far the sealing has come.
create table privacy_sealing (
    upto bigint not null,
    done bigint not null
);
insert into privacy_sealing (upto, done) select coalesce(max(globalindex), 0), 0 from domainevententry;
