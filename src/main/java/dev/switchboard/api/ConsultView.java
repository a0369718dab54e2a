package dev.switchboard.api;

/**
 * A consultation call the agent made while the customer waits on hold: who ({@code target}, a
 * number or an agent's name) and how far it got ({@code RINGING}, {@code CONNECTED}).
 */
public record ConsultView(String target, String state) {
    public static final String RINGING = "RINGING";
    public static final String CONNECTED = "CONNECTED";
}
