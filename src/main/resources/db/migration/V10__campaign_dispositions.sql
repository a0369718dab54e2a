-- A campaign's own dispositions, in the order agents see them. A campaign without rows uses the
-- standard set (sale, callback, not interested, wrong number, do not call, left message).
CREATE TABLE campaign_disposition (
    campaign_id BIGINT      NOT NULL REFERENCES campaign (id),
    position    INT         NOT NULL,
    code        VARCHAR(40) NOT NULL,
    hotkey      VARCHAR(1)  NOT NULL,
    closes      BOOLEAN     NOT NULL,
    callback    BOOLEAN     NOT NULL,
    dnc_scope   VARCHAR(12),
    PRIMARY KEY (campaign_id, code)
);
