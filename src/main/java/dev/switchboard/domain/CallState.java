package dev.switchboard.domain;

/** Where a phone interaction's call stands, as the desktop shows it. */
public enum CallState {
    /** The customer is waiting in the queue and hears ringing. */
    QUEUED,
    /** The agent accepted; the server is ringing the agent's phone (outbound: then the customer). */
    CONNECTING,
    /** Caller and agent are bridged. */
    CONNECTED,
    /** The call is over (either side hung up, or it was transferred away). */
    ENDED,
    /** The call could not be connected (see the problem text); a queued contact went back to the queue. */
    FAILED
}
