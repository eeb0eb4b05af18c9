-- Read model of the `worklist` processing group (query-side WorklistProjection): one row per case.
create table worklist_case (
    case_id                   uuid         not null primary key,
    child_id                  uuid         not null,
    status                    varchar(40)  not null,
    area_code                 varchar(5)   not null,
    channel                   varchar(40)  not null,
    reported_at               timestamptz  not null,
    suspected_forms           varchar(200) not null,
    serious_danger            boolean      not null,
    description               text,
    child_sex                 varchar(10)  not null,
    child_age_years           integer,
    assignee                  varchar(100),
    initial_assessment_due_at timestamptz,
    initial_assessment_done   boolean      not null,
    contact_id                uuid,
    version                   bigint       not null
);
create index worklist_case_area_status_idx on worklist_case (area_code, status);
create index worklist_case_due_idx on worklist_case (initial_assessment_due_at);
