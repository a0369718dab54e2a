package dev.switchboard.domain;

/** Life of an interaction: waiting, offered to an agent, being handled, finished. */
public enum InteractionState {
    QUEUED, OFFERED, ACTIVE, ENDED, ABANDONED;

    public boolean isFinished() {
        return this == ENDED || this == ABANDONED;
    }
}
