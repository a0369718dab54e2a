package dev.switchboard.metrics;

import java.time.Duration;
import java.util.Locale;

/** How numbers are written in formulas and alert messages: the same way everywhere. */
final class Texts {
    private Texts() {
    }

    /** "20 s", "2.5 s". */
    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : number(millis / 1000.0) + " s";
    }

    /** "0:52", "12:05", "1:02:03" (rounded down to the second). */
    static String clock(Duration d) {
        long s = d.getSeconds();
        long h = s / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    /** At most one decimal, without a trailing ".0": "87", "72.5". */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** A whole percentage: "87". */
    static String wholePercent(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
