package dev.switchboard.api;

import dev.switchboard.domain.ContactKind;

/** A contact point as typed by a person; the server normalises it. */
public record NewContactPoint(ContactKind kind, String value, String label) {
}
