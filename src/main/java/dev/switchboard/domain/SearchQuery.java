package dev.switchboard.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agent typed into the search box, read as the most specific thing it can be: a ticket
 * number ({@code T-123}, {@code #123}), an e-mail address, a social handle, a phone number, or else
 * a name (prefix of first name, last name or "first last").
 */
public record SearchQuery(Kind kind, String key) {
    public enum Kind { TICKET, EMAIL, HANDLE, PHONE, NAME }

    private static final Pattern TICKET = Pattern.compile("^(?:t-?|#)(\\d{1,18})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONEISH = Pattern.compile("^[+()\\d\\s.\\-/]{6,}$");

    public static Optional<SearchQuery> parse(String text, AddressNormalizer normalizer) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.trim();
        Matcher ticket = TICKET.matcher(s);
        if (ticket.matches()) {
            return Optional.of(new SearchQuery(Kind.TICKET, ticket.group(1)));
        }
        if (s.contains("@") && !s.startsWith("@")) {
            return normalizer.email(s).map(e -> new SearchQuery(Kind.EMAIL, e))
                    .or(() -> Optional.of(new SearchQuery(Kind.NAME, nameKey(s))));
        }
        if (s.startsWith("@")) {
            return normalizer.handle(s).map(h -> new SearchQuery(Kind.HANDLE, h));
        }
        if (PHONEISH.matcher(s).matches()) {
            return normalizer.phone(s).map(p -> new SearchQuery(Kind.PHONE, p));
        }
        String name = nameKey(s);
        return name.length() < 2 ? Optional.empty() : Optional.of(new SearchQuery(Kind.NAME, name));
    }

    /** Lower-case, single-spaced form used for name prefix search. */
    public static String nameKey(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
