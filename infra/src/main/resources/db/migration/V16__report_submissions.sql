-- Submitted reports (statistics read model): every version with its file, as submitted (only
-- aggregate figures, suppressed as the submitter saw them), for the byte-identical download.
create table report_submission (
    plan_id      varchar(60)  not null,
    period       varchar(10)  not null,
    area_code    varchar(5)   not null,
    version      integer      not null,
    data_window  varchar(20)  not null,
    from_date    date         not null,
    to_date      date         not null,
    as_of        timestamptz  not null,
    file_name    varchar(200) not null,
    media_type   varchar(100) not null,
    sha256       varchar(64)  not null,
    submitted_by varchar(100),
    submitted_at timestamptz  not null,
    content      bytea        not null,
    primary key (plan_id, period, area_code, version)
);
