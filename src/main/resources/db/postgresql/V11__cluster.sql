-- PostgreSQL only. Name keys compare byte by byte, as they do on H2: a prefix search
-- (name_key LIKE 'smi%') can then walk the B-tree (under a language collation PostgreSQL cannot
-- use it for LIKE), and names come back in the same order on both databases.
ALTER TABLE customer ALTER COLUMN name_key TYPE VARCHAR(201) COLLATE "C";
ALTER TABLE customer ALTER COLUMN last_key TYPE VARCHAR(201) COLLATE "C";

-- Events one server node hands to the others when several nodes share the database: a NOTIFY on
-- channel switchboard_cluster names a range of ids, the rows hold the events (NOTIFY payloads are
-- limited to 8,000 bytes; an offer's screen-pop is bigger). Rows are read within seconds and then
-- deleted; a crash loses at most what no node has read yet, which clients recover by resyncing, so
-- the table is not written to the WAL.
CREATE UNLOGGED TABLE cluster_event (
    id         BIGSERIAL    PRIMARY KEY,
    node_id    VARCHAR(64)  NOT NULL,
    event_type VARCHAR(40)  NOT NULL,
    agent_id   BIGINT,
    audience   TEXT,
    body       TEXT         NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cluster_event_created ON cluster_event (created_at);
