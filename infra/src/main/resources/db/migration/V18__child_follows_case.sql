-- Issue 16: the child follows its case. The communes that work a child (those of its open cases;
-- with none open, that of its case that changed last; with no case, where it was registered) and
-- the child's cases, for the child's page.
create table child_area (
    child_id  uuid       not null,
    area_code varchar(5) not null,
    primary key (child_id, area_code)
);
create index child_area_area_idx on child_area (area_code);
insert into child_area (child_id, area_code) select child_id, area_code from child_view;

create table child_case (
    child_id  uuid       not null,
    case_id   uuid       not null,
    area_code varchar(5) not null,
    open      boolean    not null,
    primary key (child_id, case_id)
);
