-- Liveness of server nodes sharing one PostgreSQL database. Each node writes its row every two
-- seconds; a node whose row goes stale is taken for dead, and a live node gives the contacts it had
-- offered back to the queue. The row's times come from the database's clock, so nodes on machines
-- whose clocks disagree still agree on who is late. H2 runs a single node and never writes here;
-- the table and the column exist so both databases have the same schema at the same version.
CREATE TABLE cluster_node (
    node_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The node whose claim moved the row to OFFERED (set by the claim itself). It stays on the row while
-- that node's agent works the contact, so the contacts a dead node's agents held can be found too;
-- the next claim writes over it.
ALTER TABLE interaction ADD COLUMN claimed_by VARCHAR(64);
