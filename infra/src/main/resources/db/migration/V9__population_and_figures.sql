-- Population and other sectors' figures (statistics read model), as of any instant: a row is
-- valid from its recording until a later recording for the same key supersedes it.
create table stat_population (
    area_code     varchar(5)  not null,
    year          integer     not null,
    sex           varchar(10) not null,
    age           integer     not null,
    count         bigint      not null,
    recorded_at   timestamptz not null,
    superseded_at timestamptz
);
create index stat_population_key_idx on stat_population (area_code, year);

create table stat_figure (
    area_code      varchar(5)       not null,
    year           integer          not null,
    indicator_code varchar(40)      not null,
    numerator      double precision,
    denominator    double precision,
    value          double precision,
    recorded_at    timestamptz      not null,
    superseded_at  timestamptz
);
create index stat_figure_key_idx on stat_figure (area_code, year, indicator_code);
