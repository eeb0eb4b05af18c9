-- Read model of the `areas` processing group: the official administrative hierarchy.
create table area (
    code                    varchar(5)   not null primary key,
    name                    varchar(200) not null,
    level                   varchar(10)  not null,
    parent_code             varchar(5),
    successor_code          varchar(5),
    succession_effective_on date
);
create index area_parent_idx on area (parent_code);
create index area_successor_idx on area (successor_code);

-- Users of the system (not events: passwords must be changeable and removable for good).
create table app_user (
    username      varchar(100) not null primary key,
    display_name  varchar(200) not null,
    password_hash varchar(200) not null,
    roles         varchar(200) not null, -- comma-separated role codes
    area_codes    text         not null, -- comma-separated area codes
    enabled       boolean      not null default true,
    updated_at    timestamptz  not null default now()
);
