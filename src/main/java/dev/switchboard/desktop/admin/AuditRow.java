package dev.switchboard.desktop.admin;

/** One line of the audit log table, its time already in the centre's words. */
public record AuditRow(long id, String when, String who, String action, String subject, String before,
                       String after) {
}
