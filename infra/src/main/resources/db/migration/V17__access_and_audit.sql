-- Issue 16. The audit keeps sign-ins, lock-outs, user changes, erasures and exports too, with a
-- detail (a granted role, an erasure's reason): never a child's personal data.
alter table audit_entry alter column action type varchar(20);
alter table audit_entry add column detail varchar(500);

-- Every change of a user (password, roles, areas, enabled) moves its stamp: a credential verified
-- or a web session opened under an older stamp is no longer valid, on every node.
alter table app_user add column stamp bigint not null default 0;

-- Wrong passwords are counted per account and source address, atomically: an attacker from one
-- address cannot lock the account for anyone else, and a burst cannot get past the limit (a check
-- in flight holds one of the limit's places until its answer is known).
create table login_throttle (
    username      varchar(100) not null,
    source        varchar(100) not null,
    failures      integer      not null default 0,
    pending       integer      not null default 0,
    pending_since timestamptz,
    window_start  timestamptz  not null,
    locked_until  timestamptz,
    primary key (username, source)
);
