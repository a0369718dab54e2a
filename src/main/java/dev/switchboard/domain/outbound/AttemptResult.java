package dev.switchboard.domain.outbound;

/**
 * What the network told us about one dial attempt.
 *
 * <p>{@code ABANDONED} is a call a person answered while no agent was free, so the dialler hung up
 * on them (or played a message): the outcome regulators count against a predictive dialler.
 */
public enum AttemptResult {
    BUSY, NO_ANSWER, ANSWERING_MACHINE, FAILED, CONNECTED, ABANDONED;

    /** A live person picked up: the denominator of the abandon rate. */
    public boolean answeredByPerson() {
        return this == CONNECTED || this == ABANDONED;
    }
}
