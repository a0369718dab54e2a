package dev.switchboard.client;

/** Receives the event stream on the client's own thread; hop to the UI thread before touching it. */
public interface EventListener {

    /** One event; {@code payload} is the api record its type names (OfferEvent, InteractionEvent...). */
    void onEvent(StreamEvent event);

    /** The stream is (again) connected. */
    default void onConnected() {
    }

    /** The stream dropped; it will retry on its own. */
    default void onDisconnected(String reason) {
    }

    /** The server no longer accepts this session (signed out, expired, server restarted): sign in again. */
    default void onSessionEnded() {
    }
}
