-- Issue 18: a projection is rebuilt beside its live tables (schema rebuild_<name>) and switched
-- when caught up; one row per rebuild running on any node, so that only one runs at a time.
create table projection_rebuild (
    name       varchar(255) not null primary key,
    started_at timestamptz  not null
);
