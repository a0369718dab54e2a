package dev.switchboard.domain;

public enum Role { AGENT, OUTBOUND_AGENT, SUPERVISOR }
