package dev.switchboard.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a channel hands us (a caller id, a From header, a handle) into the exact key customers
 * are stored under, so that matching is one indexed equality lookup.
 *
 * <ul>
 *   <li>phone: E.164 ({@code +447700900123}); numbers without a country code are read in the
 *       centre's default region; an unparseable or impossible number has no key;</li>
 *   <li>e-mail: trimmed and lower-cased, display name and angle brackets removed;</li>
 *   <li>social: lower-cased handle with one leading '@'.</li>
 * </ul>
 */
public final class AddressNormalizer {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
    private static final Pattern HANDLE = Pattern.compile("^@?[\\p{L}\\p{N}_.\\-]{1,64}$");
    private static final Set<Integer> CALLING_CODES =
            Set.copyOf(PhoneNumberUtil.getInstance().getSupportedCallingCodes());

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 alpha-2 region for numbers dialled without a country code */
    public AddressNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public Optional<String> normalize(ContactKind kind, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return switch (kind) {
            case PHONE -> phone(raw);
            case EMAIL -> email(raw);
            case SOCIAL -> handle(raw);
        };
    }

    public Optional<String> phone(String raw) {
        String cleaned = raw.trim();
        if (cleaned.regionMatches(true, 0, "tel:", 0, 4)) {
            cleaned = cleaned.substring(4);
        }
        if (cleaned.regionMatches(true, 0, "sip:", 0, 4)) {
            int at = cleaned.indexOf('@');
            cleaned = cleaned.substring(4, at < 0 ? cleaned.length() : at);
        }
        if (cleaned.startsWith("00")) {
            cleaned = "+" + cleaned.substring(2);
        }
        if (cleaned.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = phones.parse(cleaned, defaultRegion);
            if (!phones.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public Optional<String> email(String raw) {
        String s = raw.trim();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            s = s.substring(lt + 1, gt).trim();
        }
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7);
        }
        s = s.toLowerCase(Locale.ROOT);
        return EMAIL.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    public Optional<String> handle(String raw) {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (!HANDLE.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(s.startsWith("@") ? s : "@" + s);
    }

    /** Region (ISO alpha-2) of an E.164 number, or empty when unknown. */
    public Optional<String> regionOf(String e164) {
        try {
            String region = phones.getRegionCodeForNumber(phones.parse(e164, defaultRegion));
            return region == null || "ZZ".equals(region) ? Optional.empty() : Optional.of(region);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A number for people to read, in international format ({@code +44 7700 900123}). A key as
     * {@link #phone} writes it is taken apart without parsing (see {@link #fromKey}); anything else is
     * parsed. Every customer card and search answer formats its numbers, and parsing was the greater
     * part of that.
     */
    public String display(String e164) {
        PhoneNumber number = fromKey(e164);
        if (number == null) {
            try {
                number = phones.parse(e164, defaultRegion);
            } catch (NumberParseException e) {
                return e164;
            }
        }
        return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    }

    /**
     * The number of a key as {@link #phone} writes it: '+', a country calling code, the national number,
     * at most 15 digits in all. Calling codes are prefix-free, so the code is the one prefix of one to
     * three digits that is a calling code; the national number keeps its leading zeros as
     * {@link PhoneNumberUtil#parse} records them (Italy's fixed lines). Null for anything else.
     */
    PhoneNumber fromKey(String key) {
        int length = key.length();
        if (length < 3 || length > 16 || key.charAt(0) != '+') {
            return null;
        }
        for (int i = 1; i < length; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        for (int digits = 1; digits <= 3 && 1 + digits < length; digits++) {
            int code = Integer.parseInt(key, 1, 1 + digits, 10);
            if (CALLING_CODES.contains(code)) {
                String national = key.substring(1 + digits);
                PhoneNumber number = new PhoneNumber().setCountryCode(code)
                        .setNationalNumber(Long.parseLong(national));
                if (national.length() > 1 && national.charAt(0) == '0') {
                    int zeros = 1;
                    while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
                        zeros++;
                    }
                    number.setItalianLeadingZero(true);
                    if (zeros > 1) {
                        number.setNumberOfLeadingZeros(zeros);
                    }
                }
                return number;
            }
        }
        return null;
    }
}
