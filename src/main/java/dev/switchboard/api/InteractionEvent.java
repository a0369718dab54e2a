package dev.switchboard.api;

/** An interaction changed (accepted, ended, linked to a customer). */
public record InteractionEvent(InteractionView interaction) {
}
