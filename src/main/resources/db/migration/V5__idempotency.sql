-- Writes the desktop retries (its outbox) carry an Idempotency-Key: the first request with a key
-- runs and its answer is kept here; a repeat by the same agent gets that answer back and changes
-- nothing. status 0: the first request is still running.
CREATE TABLE idempotent_request (
    agent_id    BIGINT        NOT NULL REFERENCES agent (id),
    request_key VARCHAR(100)  NOT NULL,
    method      VARCHAR(8)    NOT NULL,
    path        VARCHAR(400)  NOT NULL,
    status      INT           NOT NULL,
    body        VARCHAR(1000000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agent_id, request_key)
);
CREATE INDEX idempotent_request_age ON idempotent_request (created_at);
