-- Closing an agent's open state row looked at every row the agent ever had (agent_state_log_agent
-- leads with agent_id but orders by started_at); with 1,000 state changes a second that scan was
-- most of the server's work. This index finds the open row directly.
CREATE INDEX agent_state_log_open ON agent_state_log (agent_id, ended_at);
