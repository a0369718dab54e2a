package dev.switchboard.api;

import java.time.Instant;

/** One entry of the audit log: who did what to what, when, with the value before and after. */
public record AuditEntryView(long id, long actorId, String actorName, String action, String subject, String before,
                             String after, Instant at) {
}
