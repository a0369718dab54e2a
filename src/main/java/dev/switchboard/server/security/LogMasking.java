package dev.switchboard.server.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in a log line: e-mail addresses keep their first letter, the first letter of
 * the domain and its last label ({@code j***@e***.com}); phone numbers keep a leading {@code +}, their
 * first two and last three digits ({@code +44*******001}). A number counts as a phone number when it
 * starts with {@code +} (7 to 15 digits) or with {@code 0} (9 to 13 digits), spaces, hyphens and
 * brackets allowed between the digits: ids, ports, times and counts are left alone.
 *
 * <p>As a second line of defence behind code that never logs secrets, bearer tokens, SIP digest
 * responses and {@code password=} / {@code secret=} / {@code token=} values are replaced by {@code ***}.
 */
public final class LogMasking {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])([\\w%+-])[\\w.%+-]*@([A-Za-z0-9])[A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)*\\.([A-Za-z]{2,24})(?![\\w-])");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d(?:[ ()-]{0,2}\\d){6,14}|\\(?0(?:[ ()-]{0,2}\\d){8,12})(?![\\w])");

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(\\b(?:password|passwd|secret|token|access_token)\"?\\s*[:=]\\s*\"?)[^\\s\",;&}]+");

    private static final Pattern DIGEST = Pattern.compile("(?i)(\\bresponse=\")[^\"]*");

    private LogMasking() {
    }

    /** The text with every e-mail address, phone number and secret-looking value masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (out.indexOf('=') >= 0 || out.indexOf(':') >= 0 || out.indexOf(' ') >= 0) {
            out = BEARER.matcher(out).replaceAll("$1***");
            out = SECRET.matcher(out).replaceAll("$1***");
            out = DIGEST.matcher(out).replaceAll("$1***");
        }
        if (!mayHold(out)) {
            return out;
        }
        out = replace(EMAIL.matcher(out), r -> r.group(1) + "***@" + r.group(2) + "***." + r.group(3));
        return replace(PHONE.matcher(out), r -> maskDigits(r.group()));
    }

    /** Cheap first look: most lines have neither an @ nor a long run of digits. */
    private static boolean mayHold(String text) {
        if (text.indexOf('@') >= 0) {
            return true;
        }
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= 3) {
                    return true;
                }
            } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
                run = 0;
            }
        }
        return false;
    }

    private static String maskDigits(String number) {
        String digits = number.replaceAll("\\D", "");
        StringBuilder b = new StringBuilder(number.startsWith("+") ? "+" : "");
        b.append(digits, 0, 2);
        b.append("*".repeat(digits.length() - 5));
        b.append(digits, digits.length() - 3, digits.length());
        return b.toString();
    }

    private static String replace(Matcher m, java.util.function.Function<java.util.regex.MatchResult, String> with) {
        return m.replaceAll(r -> Matcher.quoteReplacement(with.apply(r)));
    }
}
