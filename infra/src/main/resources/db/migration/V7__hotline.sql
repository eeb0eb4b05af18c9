-- Read model of the `hotline` processing group: the contacts operators work with.
create table contact (
    contact_id       uuid         not null primary key,
    received_at      timestamptz  not null,
    received_on      date         not null, -- the date in Vietnam
    channel          varchar(30)  not null,
    caller_type      varchar(20)  not null,
    category         varchar(40)  not null,
    subcategory      varchar(60),
    area_code        varchar(5),
    duration_seconds integer,
    child_sex        varchar(10),
    child_age_years  integer,
    summary          text,
    caller_key       varchar(100), -- keyed hash of the phone number; never the number
    outcome          varchar(30),
    case_id          uuid
);
create index contact_received_idx on contact (received_on, received_at);
create index contact_caller_idx on contact (caller_key, received_at) where caller_key is not null;

-- Statistics read model (`statistics` processing group): one fact row per contact with its
-- reference date and the times its facts were recorded, for exact "as of" figures.
create table stat_contact (
    contact_id            uuid        not null primary key,
    received_on           date        not null,
    channel               varchar(30) not null,
    category              varchar(40) not null,
    area_code             varchar(5),
    recorded_at           timestamptz not null,
    escalated_area_code   varchar(5),
    escalated_recorded_at timestamptz
);
create index stat_contact_period_idx on stat_contact (received_on, recorded_at);
create index stat_contact_area_idx on stat_contact (area_code, received_on);
