-- Read model of the `children` processing group: the child's page and intake duplicate search.
create table child_view (
    child_id             uuid         not null primary key,
    full_name            varchar(200) not null,
    name_key             varchar(200) not null, -- lower case, without diacritics, for search
    birth_date           date,
    estimated_birth_date date,
    sex                  varchar(10)  not null,
    ethnicity            varchar(2)   not null,
    disability           boolean      not null,
    area_code            varchar(5)   not null,
    address              varchar(500),
    guardian_name        varchar(200),
    guardian_relation    varchar(50),
    guardian_phone       varchar(30),
    version              bigint       not null
);
create index child_view_area_idx on child_view (area_code);
create index child_view_birth_idx on child_view (birth_date);

create table child_circumstance (
    child_id      uuid        not null,
    sequence      bigint      not null,
    grp           varchar(4)  not null,
    identified_on date        not null,
    ended_on      date,
    end_reason    varchar(500),
    primary key (child_id, sequence)
);

create table child_support (
    child_id    uuid         not null,
    sequence    bigint       not null,
    kind        varchar(100) not null,
    provided_on date         not null,
    amount_vnd  bigint,
    note        text,
    primary key (child_id, sequence)
);

create table child_incident (
    incident_id  uuid        not null primary key,
    child_id     uuid        not null,
    type         varchar(20) not null,
    occurred_on  date        not null,
    area_code    varchar(5)  not null,
    injury_cause varchar(20),
    fatal        boolean     not null,
    note         text
);
create index child_incident_child_idx on child_incident (child_id);
