package dev.switchboard.domain;

/** How serious a complaint is. */
public enum Severity { MINOR, MAJOR, CRITICAL }
