-- Each pass of a contact through a queue, as the supervisor's numbers count it: the raw data every
-- service level, handle time and interval report is recomputed from. leg_id = interaction_id * 64 + pass.
CREATE TABLE contact_leg (
    leg_id          BIGINT       PRIMARY KEY,
    interaction_id  BIGINT       NOT NULL,
    queue_id        BIGINT       NOT NULL,
    channel         VARCHAR(8)   NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    abandoned_at    TIMESTAMP WITH TIME ZONE,
    talk_end_at     TIMESTAMP WITH TIME ZONE,
    wrap_end_at     TIMESTAMP WITH TIME ZONE,
    hold_ms         BIGINT       NOT NULL DEFAULT 0,
    agent_id        BIGINT,
    transferred_out BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX contact_leg_queued ON contact_leg (queued_at);
