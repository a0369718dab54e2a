-- Who is responsible for a ticket: whoever opened it, until an escalation hands it to a supervisor.
-- Tickets opened before this had nobody; they keep nobody until they are escalated.
ALTER TABLE ticket ADD COLUMN assignee_id BIGINT REFERENCES agent (id);
CREATE INDEX ticket_assignee ON ticket (assignee_id);
