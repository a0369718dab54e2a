package dev.switchboard.domain.outbound;

/**
 * Where a call-list record stands: waiting for its next attempt, connected and waiting for the
 * agent's disposition, or closed for good (the reason is on the record).
 */
public enum RecordStatus { PENDING, AWAITING_DISPOSITION, CLOSED }
