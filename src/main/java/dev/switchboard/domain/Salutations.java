package dev.switchboard.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The salutations a customer may be addressed with, each kept in one spelling ({@code "MR."} and
 * {@code "mr"} are both {@code "Mr"}), so that letters, greetings and duplicate checks see one value.
 * A blank salutation is the empty string: nobody has to give one.
 */
public final class Salutations {
    private static final Map<String, String> BY_KEY = new LinkedHashMap<>();

    static {
        for (String s : List.of("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof")) {
            BY_KEY.put(s.toLowerCase(Locale.ROOT), s);
        }
    }

    private Salutations() {
    }

    /** Every salutation kept, in the order a form offers them. */
    public static List<String> accepted() {
        return List.copyOf(BY_KEY.values());
    }

    /**
     * The kept spelling of {@code raw}: case, surrounding spaces and a trailing full stop do not
     * matter.
     *
     * @throws IllegalArgumentException for anything else, naming the accepted ones
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String key = raw.strip().toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1).strip();
        }
        String found = BY_KEY.get(key);
        if (found == null) {
            throw new IllegalArgumentException("'" + raw.strip() + "' is not a salutation we keep: use one of "
                    + String.join(", ", accepted()) + ", or leave it empty");
        }
        return found;
    }
}
