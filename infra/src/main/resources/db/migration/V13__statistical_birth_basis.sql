-- The birth basis of each child for the stocks' exact age at `to` (STATISTICS.md revision 2): the
-- birth date, or the estimated one (reference date minus the declared age). A statistical
-- attribute: no endpoint returns it, an erasure of the child's identity keeps it, and a rebuild of
-- the statistics does not empty this table (the events no longer give the birth date once erased).
create table stat_birth_basis (
    child_id uuid primary key,
    basis    date not null
);
