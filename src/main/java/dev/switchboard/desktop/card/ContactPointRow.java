package dev.switchboard.desktop.card;

import dev.switchboard.domain.ContactKind;

/** A contact point of the card's customer; {@code matched} when the current contact came from it. */
public record ContactPointRow(ContactKind kind, String display, String label, boolean matched) {
}
