package dev.switchboard.api;

/**
 * A consultation call the agent made while the customer waits on hold: who ({@code target}, a
 * number or an agent's name) and how far it got ({@code RINGING}, {@code CONNECTED}, or
 * {@code CONFERENCE} once the caller joined and the three talk together).
 */
public record ConsultView(String target, String state) {
    public static final String RINGING = "RINGING";
    public static final String CONNECTED = "CONNECTED";
    /** The caller, the agent and the consulted party talk together (the agent's phone mixes). */
    public static final String CONFERENCE = "CONFERENCE";
}
