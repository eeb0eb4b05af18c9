-- The worklist follows the whole procedure: current area and step, the three legal clocks.
alter table worklist_case
    add column reported_area_code       varchar(5),
    add column risk_level               varchar(20),
    add column initially_assessed_at    timestamptz,
    add column initial_assessment_missed boolean not null default false,
    add column abuse_confirmed          boolean,
    add column confirmed_forms          varchar(200),
    add column plan_due_at              timestamptz,
    add column plan_submitted_at        timestamptz,
    add column plan_missed              boolean not null default false,
    add column plan_approved_at         timestamptz,
    add column closed_on                date,
    add column closure_reason           varchar(20);
update worklist_case set reported_area_code = area_code;
alter table worklist_case alter column reported_area_code set not null;

-- The interventions of each case's current plan.
create table worklist_intervention (
    case_id         uuid         not null,
    intervention_id uuid         not null,
    position        integer      not null,
    type            varchar(40)  not null,
    provider        varchar(300),
    due_on          date         not null,
    completed_on    date,
    missed          boolean      not null default false,
    primary key (case_id, intervention_id)
);
create index worklist_intervention_open_idx on worklist_intervention (due_on) where completed_on is null;

-- Timeline of each case (processing group `timeline`): every event, what, when, who.
create table case_timeline (
    case_id     uuid         not null,
    sequence    bigint       not null,
    event_type  varchar(80)  not null,
    occurred_at timestamptz  not null,
    recorded_by varchar(100) not null,
    details     text         not null,
    primary key (case_id, sequence)
);
