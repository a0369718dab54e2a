package dev.switchboard.domain;

/** Who wrote a line of a conversation: the customer, an agent, or the centre itself ("chat ended"). */
public enum MessageDirection { INBOUND, OUTBOUND, SYSTEM }
