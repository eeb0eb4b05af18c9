-- The registers the plans count (statistics read model): child-friendly communes per year, valid
-- from their recording until a correction supersedes them, and the child protection fund.
create table reg_child_friendly (
    area_code       varchar(5)  not null,
    year            integer     not null,
    child_friendly  boolean     not null,
    decision_number varchar(60),
    decided_on      date,
    recorded_at     timestamptz not null,
    superseded_at   timestamptz
);
create index reg_child_friendly_key_idx on reg_child_friendly (year, area_code);

create table reg_fund_entry (
    entry_id    uuid         primary key,
    area_code   varchar(5)   not null,
    kind        varchar(20)  not null,
    amount_vnd  bigint       not null,
    on_date     date         not null,
    source      varchar(200),
    purpose     varchar(200),
    recorded_at timestamptz  not null
);
create index reg_fund_entry_area_idx on reg_fund_entry (area_code, on_date);
