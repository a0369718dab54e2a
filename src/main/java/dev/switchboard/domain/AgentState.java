package dev.switchboard.domain;

/** What an agent is doing; only READY agents receive new offers. */
public enum AgentState { LOGGED_OUT, READY, NOT_READY, BUSY }
