package dev.switchboard.api;

/** An entry of a configured list (not-ready reasons, dispositions): a stable code and its label. */
public record CodeView(String code, String label) {
}
