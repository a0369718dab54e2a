package dev.switchboard.domain.outbound;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the agent closed a connected call, chosen with one key at wrap-up.
 *
 * <p>The flags say what the disposition does to the record: {@code isFinal} closes it;
 * {@code addsToDnc} puts the number on a do-not-call list; {@code schedulesCallback} asks the agent
 * for a callback time and puts the record back in the list for then. A disposition that is neither
 * final nor a callback (a message left with a family member, say) sends the record back to the
 * normal retry rules. The code is stable (audit, reports); the desktop shows a translated label for it.
 */
public record Disposition(String code, char key, boolean isFinal, Optional<DncScope> addsToDnc,
                          boolean schedulesCallback) {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public Disposition {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a disposition code is upper-case letters, digits and _: " + code);
        }
        if (!Character.isLetterOrDigit(key)) {
            throw new IllegalArgumentException("a disposition key is one letter or digit: " + key);
        }
        key = Character.toUpperCase(key);
        addsToDnc = addsToDnc == null ? Optional.empty() : addsToDnc;
        if (isFinal && schedulesCallback) {
            throw new IllegalArgumentException("a disposition cannot both close the record and schedule a callback");
        }
        if (addsToDnc.isPresent() && !isFinal) {
            throw new IllegalArgumentException("a disposition that adds the number to a do-not-call list must be final");
        }
    }

    public static final Disposition SALE = new Disposition("SALE", 'S', true, Optional.empty(), false);
    public static final Disposition CALLBACK = new Disposition("CALLBACK", 'C', false, Optional.empty(), true);
    public static final Disposition NOT_INTERESTED = new Disposition("NOT_INTERESTED", 'N', true, Optional.empty(), false);
    public static final Disposition WRONG_NUMBER = new Disposition("WRONG_NUMBER", 'W', true, Optional.empty(), false);
    /** The contact asked never to be called again: the number goes on the centre's global list. */
    public static final Disposition DO_NOT_CALL = new Disposition("DO_NOT_CALL", 'D', true, Optional.of(DncScope.GLOBAL), false);
    /** Spoke to someone else; try the contact again under the normal retry rules. */
    public static final Disposition LEFT_MESSAGE = new Disposition("LEFT_MESSAGE", 'M', false, Optional.empty(), false);

    /** The set most campaigns start from. */
    public static List<Disposition> standard() {
        return List.of(SALE, CALLBACK, NOT_INTERESTED, WRONG_NUMBER, DO_NOT_CALL, LEFT_MESSAGE);
    }
}
