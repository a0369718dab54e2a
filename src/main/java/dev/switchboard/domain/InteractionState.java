package dev.switchboard.domain;

/**
 * Life of an interaction: scheduled for later (a callback), waiting in a queue, offered to an agent,
 * being handled, in after-contact work, finished.
 */
public enum InteractionState {
    SCHEDULED, QUEUED, OFFERED, ACTIVE, WRAP_UP, ENDED, ABANDONED;

    public boolean isFinished() {
        return this == ENDED || this == ABANDONED;
    }
}
