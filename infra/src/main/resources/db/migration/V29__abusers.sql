-- Issue 20: persons suspected of abuse (no identity) and their legal handling, per case, with the
-- case's report area and date (projection "abusers").
create table abuser_case (
    case_id     uuid       not null primary key,
    area_code   varchar(5) not null,
    reported_on date       not null
);
create table abuser_fact (
    abuser_id       uuid        not null primary key,
    case_id         uuid        not null,
    relationship    varchar(20) not null,
    sex             varchar(10) not null,
    age_group       varchar(20) not null,
    police_notified boolean     not null,
    outcome         varchar(30),
    outcome_on      date
);
create index abuser_fact_case_idx on abuser_fact (case_id);
