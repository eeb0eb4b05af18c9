-- Lock-out after repeated wrong passwords.
alter table app_user
    add column failed_logins integer not null default 0,
    add column locked_until  timestamptz;

-- Who read or changed what, when, from where: kept apart from the case events, read by admins.
-- Never holds personal data: ids, paths without query strings, usernames and addresses only.
create table audit_entry (
    id            bigserial    primary key,
    at            timestamptz  not null,
    username      varchar(100) not null,
    action        varchar(10)  not null, -- READ or COMMAND
    method        varchar(10)  not null,
    resource_type varchar(20)  not null,
    resource_id   varchar(100),
    path          varchar(300) not null,
    status        integer      not null,
    remote_addr   varchar(100)
);
create index audit_entry_at_idx on audit_entry (at);
create index audit_entry_user_idx on audit_entry (username, at);
create index audit_entry_resource_idx on audit_entry (resource_id, at);
