-- Failed sign-ins per user name (lower-cased), so that a name guessed at too often is locked for a
-- while. Kept in the database rather than in memory so the lock holds across a restart and across
-- every server node of one contact centre. Names that do not exist are counted too: the answer must
-- not tell whether a user exists.
CREATE TABLE login_attempt (
    username      VARCHAR(64)   NOT NULL PRIMARY KEY,
    failures      INT           NOT NULL,
    first_failure TIMESTAMP WITH TIME ZONE,
    locked_until  TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_attempt_age ON login_attempt (updated_at);
