package dev.switchboard.routing;

public enum RevokeReason {
    /** Nobody answered before the offer expired. */
    TIMEOUT,
    /** The agent declined. */
    REJECTED,
    /** The agent went not ready or signed out. */
    AGENT_UNAVAILABLE,
    /** The contact left (hung up, closed the chat) or was taken out of the queue. */
    WITHDRAWN
}
