-- Agents' SIP phones register with digest authentication: the server keeps HA1
-- (MD5 of username:realm:password), never the phone password itself.
ALTER TABLE agent ADD COLUMN phone_ha1 VARCHAR(32);

-- The state an agent is put in when their phone could not take a call routed to them.
INSERT INTO reason_code (code, label, position) VALUES ('PHONE', 'Phone unavailable', 8);
