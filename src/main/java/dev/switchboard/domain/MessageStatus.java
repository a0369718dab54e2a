package dev.switchboard.domain;

/**
 * Where a line of a conversation stands. Inbound lines are {@code RECEIVED}; an agent's line is
 * {@code SENDING} until its channel took it ({@code SENT}), and may then be confirmed
 * {@code DELIVERED} and {@code READ} by the platform, or end {@code FAILED} with the reason.
 */
public enum MessageStatus {
    RECEIVED, SENDING, SENT, DELIVERED, READ, FAILED;

    /** Status reports may arrive out of order: never step back (a late "delivered" after "read"). */
    public boolean isAfter(MessageStatus other) {
        return ordinal() > other.ordinal();
    }
}
