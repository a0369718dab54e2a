package dev.switchboard.desktop.card;

import dev.switchboard.domain.ContactKind;

/**
 * A contact point of the card's customer: its value as stored (what a call dials) and as people write
 * it; {@code matched} when the current contact came from it.
 */
public record ContactPointRow(ContactKind kind, String value, String display, String label, boolean matched) {
}
