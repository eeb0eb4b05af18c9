-- Issue 18: the nodes alive now (each says so every 5 s), so that each holds its fair share of
-- the projections' segments (SegmentBalancer).
create table cluster_node (
    node_id varchar(255) not null primary key,
    seen_at timestamptz  not null
);
