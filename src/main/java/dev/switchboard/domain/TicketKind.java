package dev.switchboard.domain;

/** What a ticket is about; with its priority it chooses the SLA policy. */
public enum TicketKind { QUESTION, PROBLEM, REQUEST, COMPLAINT }
