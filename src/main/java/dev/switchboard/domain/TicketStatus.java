package dev.switchboard.domain;

public enum TicketStatus {
    OPEN, PENDING, SOLVED, CLOSED;

    /** Open and pending tickets still need work; they are the ones the card shows. */
    public boolean isOpen() {
        return this == OPEN || this == PENDING;
    }
}
