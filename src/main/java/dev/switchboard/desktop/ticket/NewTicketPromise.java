package dev.switchboard.desktop.ticket;

import dev.switchboard.desktop.Messages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The answer time a complaint promises the customer, as the agent gives it: a day and a time of day in
 * the desktop's zone. Neither given: no promise of the agent's own, the resolution target stands.
 */
final class NewTicketPromise {
    /** The instant promised (null for none), or why what was typed cannot be one. */
    record Result(Instant instant, String problem) {
    }

    private final Messages messages;
    private final Clock clock;
    private final DateTimeFormatter format;

    NewTicketPromise(Messages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
        this.format = DateTimeFormatter.ofPattern(messages.get("format.time"), messages.locale());
    }

    String text(LocalTime time) {
        return format.format(time);
    }

    Result parse(LocalDate day, String timeText) {
        String typed = timeText == null ? "" : timeText.strip();
        if (day == null && typed.isEmpty()) {
            return new Result(null, "");
        }
        LocalTime time = typed.isEmpty() ? NewTicketViewModel.END_OF_DAY : time(typed);
        if (time == null) {
            return new Result(null, messages.format("ticket.new.promised.time", text(LocalTime.of(16, 30))));
        }
        LocalDate date = day != null ? day : LocalDate.now(clock);
        Instant at = date.atTime(time).atZone(clock.getZone()).toInstant();
        if (!at.isAfter(clock.instant())) {
            return new Result(null, messages.get("ticket.new.promised.past"));
        }
        return new Result(at, "");
    }

    /** "16:30", also "9:05" and "16.30"; null when it is no time of day. */
    private LocalTime time(String typed) {
        String normal = typed.replace('.', ':');
        try {
            return LocalTime.parse(normal, format);
        } catch (DateTimeParseException e) {
            try {
                return LocalTime.parse(normal.length() == 4 ? "0" + normal : normal);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
