package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;

/**
 * Business minutes in words: "45 min", "1 h 05 min", "4 h". Hours are not folded into days, because a
 * business day's length depends on the centre's calendar; a reader compares hours with the target.
 */
public final class BusinessTime {
    private final Messages messages;

    public BusinessTime(Messages messages) {
        this.messages = messages;
    }

    /** Rounded to the nearest minute; "—" when there is nothing to count. */
    public String of(Double minutes) {
        if (minutes == null || minutes.isNaN()) {
            return messages.get("supervisor.caseReport.noValue");
        }
        long total = Math.max(0, Math.round(minutes));
        long hours = total / 60;
        long rest = total % 60;
        if (hours == 0) {
            return messages.format("supervisor.caseReport.minutes", rest);
        }
        return rest == 0 ? messages.format("supervisor.caseReport.hours", hours)
                : messages.format("supervisor.caseReport.hoursMinutes", hours, rest);
    }

    public String of(Integer minutes) {
        return of(minutes == null ? null : minutes.doubleValue());
    }
}
