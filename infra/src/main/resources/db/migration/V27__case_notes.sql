-- Visits, follow-up calls, working-group meetings and plan reviews of a case (projection "notes").
create table case_note (
    note_id      uuid         not null primary key,
    case_id      uuid         not null,
    kind         varchar(30)  not null,
    noted_on     date         not null,
    participants text,
    text         text         not null,
    recorded_by  varchar(100),
    recorded_at  timestamptz  not null
);
create index case_note_case_idx on case_note (case_id, noted_on);
