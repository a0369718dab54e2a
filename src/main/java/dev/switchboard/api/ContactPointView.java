package dev.switchboard.api;

import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactPoint;

/** A contact point on the wire; {@code display} is how people read it (a formatted number). */
public record ContactPointView(ContactKind kind, String value, String label, String display) {
    public static ContactPointView of(ContactPoint p, String display) {
        return new ContactPointView(p.kind(), p.value(), p.label(), display);
    }
}
