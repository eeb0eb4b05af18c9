-- Statistics read model (processing group `statistics`). Every fact row carries its business
-- reference date and the instant its event was recorded (and, for a later fact about it, when
-- that was recorded), so that a figure "as of" any instant is an indexed query over facts.

create table stat_case (
    case_id              uuid         not null primary key,
    child_id             uuid         not null,
    reported_at          timestamptz  not null,
    reported_on          date         not null,
    area_code            varchar(5)   not null, -- the area of the report, never moved
    channel              varchar(30)  not null,
    sex                  varchar(10)  not null,
    age                  integer,               -- completed years at the report, null = unknown
    ethnicity            varchar(2)   not null,
    disability           boolean      not null,
    serious_danger       boolean      not null,
    suspected_forms      varchar(200) not null, -- comma-separated codes
    recorded_at          timestamptz  not null,
    abuse_confirmed      boolean,
    confirmed_forms      varchar(200),
    assessed_recorded_at timestamptz,
    initial_assessed_at  timestamptz,
    initial_recorded_at  timestamptz,
    plan_on_time         boolean,               -- of the first plan submitted
    plan_recorded_at     timestamptz
);
create index stat_case_reported_idx on stat_case (reported_on);
create index stat_case_area_idx on stat_case (area_code, reported_on);
create index stat_case_initial_idx on stat_case (initial_assessed_at);

-- Closures and reopenings of cases, in order.
create table stat_case_status (
    case_id     uuid        not null,
    sequence    bigint      not null,
    on_date     date        not null,
    closed      boolean     not null,
    recorded_at timestamptz not null,
    primary key (case_id, sequence)
);
create index stat_case_status_date_idx on stat_case_status (on_date);

-- Children: what stock measures need to know at any date.
create table stat_child (
    child_id    uuid       not null primary key,
    birth_basis date,                 -- birth date, or the estimate from an age in years
    sex         varchar(10) not null,
    ethnicity   varchar(2)  not null,
    disability  boolean     not null
);

create table stat_incident (
    incident_id  uuid        not null primary key,
    child_id     uuid        not null,
    type         varchar(20) not null,
    occurred_on  date        not null,
    area_code    varchar(5)  not null,
    injury_cause varchar(20),
    fatal        boolean     not null,
    sex          varchar(10) not null,
    age          integer,
    ethnicity    varchar(2)  not null,
    disability   boolean     not null,
    recorded_at  timestamptz not null
);
create index stat_incident_type_idx on stat_incident (type, occurred_on);

create table stat_circumstance (
    child_id           uuid        not null,
    sequence           bigint      not null,
    grp                varchar(4)  not null,
    identified_on      date        not null,
    area_code          varchar(5)  not null,
    recorded_at        timestamptz not null,
    ended_on           date,
    ended_recorded_at  timestamptz,
    primary key (child_id, sequence)
);
create index stat_circumstance_identified_idx on stat_circumstance (identified_on);

create table stat_support (
    child_id    uuid        not null,
    sequence    bigint      not null,
    provided_on date        not null,
    recorded_at timestamptz not null,
    primary key (child_id, sequence)
);
create index stat_support_child_idx on stat_support (child_id, provided_on);
