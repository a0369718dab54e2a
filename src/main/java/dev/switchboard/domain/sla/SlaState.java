package dev.switchboard.domain.sla;

/** Where an {@link SlaClock} stands at one instant, as a queue or a ticket list shows it. */
public enum SlaState {
    /** Counting, with more than the near share of the target left. */
    RUNNING,
    /** Counting, and the near share of the target is used up: time to act. */
    NEAR,
    /** The target is used up; a breach stays a breach while the clock is paused. */
    BREACHED,
    /** Stopped while the case waits on the customer, not yet breached. */
    PAUSED
}
