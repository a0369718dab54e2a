package dev.switchboard.desktop;

import dev.switchboard.api.AddressView;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Dates, durations, ages and amounts as the agent reads them; patterns come from the bundle. */
public final class Formats {
    private final Messages messages;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;

    public Formats(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.dateTime = DateTimeFormatter.ofPattern(messages.get("format.datetime"), messages.locale()).withZone(zone);
        this.time = DateTimeFormatter.ofPattern(messages.get("format.time"), messages.locale()).withZone(zone);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    public String time(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    /** A running clock: {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
    public static String clock(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }

    /** How old something is, in its largest whole unit: "3 d", "5 h", "12 min", "now". */
    public String age(Instant since, Instant now) {
        if (since == null) {
            return "";
        }
        Duration d = Duration.between(since, now);
        if (d.toDays() >= 1) {
            return messages.format("age.days", d.toDays());
        }
        if (d.toHours() >= 1) {
            return messages.format("age.hours", d.toHours());
        }
        if (d.toMinutes() >= 1) {
            return messages.format("age.minutes", d.toMinutes());
        }
        return messages.get("age.now");
    }

    public String amount(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(messages.locale());
        f.setMaximumFractionDigits(0);
        return f.format(value);
    }

    /** One line: street, city and postcode, country; blank parts left out. */
    public static String address(AddressView a) {
        if (a == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        add(parts, a.line1());
        add(parts, join(a.city(), a.postcode()));
        add(parts, a.country());
        return String.join(", ", parts);
    }

    /** The first non-blank line of a text, for one-line previews. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }

    private static String join(String a, String b) {
        String left = a == null ? "" : a.strip();
        String right = b == null ? "" : b.strip();
        return (left + " " + right).strip();
    }

    private static void add(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(value.strip());
        }
    }
}
