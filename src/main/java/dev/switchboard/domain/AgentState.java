package dev.switchboard.domain;

/**
 * What an agent is doing. READY and NOT_READY are the agent's choice; BUSY (working a contact) and
 * WRAP_UP (after-contact work) come from their work; LOGGED_OUT from signing out.
 */
public enum AgentState { LOGGED_OUT, READY, NOT_READY, BUSY, WRAP_UP }
