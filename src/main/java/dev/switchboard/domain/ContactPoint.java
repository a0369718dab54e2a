package dev.switchboard.domain;

import java.util.Objects;

/**
 * One way to reach a customer. {@code value} is the normalised key (E.164 number, lower-case
 * e-mail address, lower-case handle with a leading '@'); {@code label} is free text ("mobile", "work").
 */
public record ContactPoint(ContactKind kind, String value, String label) {
    public ContactPoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        label = label == null ? "" : label;
    }
}
