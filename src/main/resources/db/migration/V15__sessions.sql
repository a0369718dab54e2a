-- Sign-in sessions, kept here so that a token one server node issued is known to every node on this
-- database and outlives a restart, and so that ending a session on one node ends it on all of them.
-- Only the SHA-256 of the token is stored (hex): what is read from this table cannot be used to sign
-- in. Each node keeps the sessions in use in memory; it reads here for a token it does not know and,
-- every few seconds, for the sessions ended since it last looked, and writes last_seen about once a
-- minute per session.
CREATE TABLE auth_session (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    agent_id   BIGINT      NOT NULL REFERENCES agent (id),
    signed_in  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- null while the session lasts; set once, by the database's clock, when it is signed out or
    -- revoked: nodes ask for the rows ended since their last look, and whose clock is right must not
    -- decide what they miss
    ended_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX auth_session_agent ON auth_session (agent_id);
CREATE INDEX auth_session_ended ON auth_session (ended_at);
