package dev.switchboard.api;

/**
 * A colleague handed the agent a contact they were working (a consultation completed to this agent):
 * its screen-pop, so the desktop opens it straight away. Sent only to the agent who takes it over.
 */
public record HandoverEvent(ScreenPop pop) {
}
