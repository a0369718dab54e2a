package dev.switchboard.domain;

public enum Direction { INBOUND, OUTBOUND }
