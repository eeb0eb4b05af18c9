-- Figures belong to one plan's indicator (STATISTICS.md revision 2); null: every plan with the
-- code (figures recorded through the older path without a plan).
alter table stat_figure add column plan_id varchar(60);
drop index stat_figure_key_idx;
create index stat_figure_key_idx on stat_figure (indicator_code, year, area_code);
