package dev.switchboard.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postcodes as each country writes them, so that one place is stored one way and two records of the
 * same household compare equal. Countries with a known form are checked and written in it; any other
 * country's postcode is only trimmed and single-spaced, since a wrong rule would refuse real
 * addresses.
 * <ul>
 *   <li>GB: upper case, one space before the inward code ({@code SW1A 1AA});</li>
 *   <li>US: five digits, or ZIP+4 with a hyphen ({@code 94105-1234});</li>
 *   <li>DE and FR: five digits;</li>
 *   <li>NL: four digits (not starting with 0), a space, two capital letters ({@code 1234 AB}).</li>
 * </ul>
 * A blank postcode is the empty string: every address part may be empty.
 */
public final class Postcodes {
    /** The longest postcode the customer table keeps. */
    public static final int MAX_LENGTH = 20;

    private static final Pattern GB = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$");
    private static final Pattern US = Pattern.compile("^([0-9]{5})(?:-?([0-9]{4}))?$");
    private static final Pattern FIVE_DIGITS = Pattern.compile("^[0-9]{5}$");
    private static final Pattern NL = Pattern.compile("^([1-9][0-9]{3})([A-Z]{2})$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Postcodes() {
    }

    /**
     * The postcode written as {@code country} writes it.
     *
     * @param country ISO 3166 alpha-2 code in any case; blank or unknown: only spaces are tidied
     * @throws IllegalArgumentException when the postcode cannot be one of that country, with a
     *                                  sentence saying what it should look like
     */
    public static String normalise(String country, String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return "";
        }
        String tidy = SPACES.matcher(postcode.strip()).replaceAll(" ");
        String compact = tidy.replace(" ", "").toUpperCase(Locale.ROOT);
        String normalised = switch (country == null ? "" : country.strip().toUpperCase(Locale.ROOT)) {
            case "GB", "UK" -> {
                if (compact.equals("GIR0AA")) {
                    yield "GIR 0AA"; // the one postcode outside the pattern, still in use
                }
                Matcher m = GB.matcher(compact);
                if (!m.matches()) {
                    throw invalid(tidy, "a UK postcode", "letters and digits such as SW1A 1AA or M1 1AE");
                }
                yield m.group(1) + " " + m.group(2);
            }
            case "US" -> {
                Matcher m = US.matcher(compact);
                if (!m.matches()) {
                    throw invalid(tidy, "a US ZIP code", "5 digits, or ZIP+4 such as 94105-1234");
                }
                yield m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
            }
            case "DE" -> fiveDigits(tidy, compact, "a German postcode", "10115");
            case "FR" -> fiveDigits(tidy, compact, "a French postcode", "75008");
            case "NL" -> {
                Matcher m = NL.matcher(compact);
                if (!m.matches()) {
                    throw invalid(tidy, "a Dutch postcode", "4 digits and 2 letters such as 1234 AB");
                }
                yield m.group(1) + " " + m.group(2);
            }
            default -> tidy;
        };
        if (normalised.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("'" + tidy + "' is too long for a postcode: at most "
                    + MAX_LENGTH + " characters");
        }
        return normalised;
    }

    /**
     * A key two spellings of one postcode share (upper case, no spaces or hyphens), for comparing
     * postcodes stored before they were checked. Never throws.
     */
    public static String key(String postcode) {
        if (postcode == null) {
            return "";
        }
        return postcode.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }

    private static String fiveDigits(String tidy, String compact, String what, String example) {
        if (!FIVE_DIGITS.matcher(compact).matches()) {
            throw invalid(tidy, what, "5 digits such as " + example);
        }
        return compact;
    }

    private static IllegalArgumentException invalid(String given, String what, String shape) {
        return new IllegalArgumentException("'" + given + "' is not " + what + ": it should be " + shape);
    }
}
