package dev.switchboard.domain;

public enum TicketPriority { LOW, NORMAL, HIGH, URGENT }
