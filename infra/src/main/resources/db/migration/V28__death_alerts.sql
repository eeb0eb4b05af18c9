-- Issue 20: a child's death raises an alert for the supervisors of the area and the province
-- above it, listed until each has acknowledged it (projection "alerts").
create table alert_case (
    case_id   uuid       not null primary key,
    area_code varchar(5) not null
);
create table death_alert (
    alert_id    uuid        not null primary key,
    source      varchar(10) not null,
    case_id     uuid,
    area_code   varchar(5)  not null,
    occurred_on date        not null,
    raised_at   timestamptz not null
);
create index death_alert_area_idx on death_alert (area_code, raised_at);
create table death_alert_ack (
    alert_id uuid         not null,
    username varchar(100) not null,
    primary key (alert_id, username)
);
