package dev.switchboard.domain.outbound;

/**
 * How many lines to dial now, and why that many; the basis is an audit line for every pacing change.
 */
public record PacingDecision(int lines, Basis basis) {

    /** Why the pacer chose the number of lines. */
    public enum Basis {
        /** Preview: agents dial themselves, the dialler places no calls. */
        PREVIEW,
        /** Progressive campaign: one line per ready agent not yet covered by a call in flight. */
        ONE_TO_ONE,
        /** Predictive, but too few answered calls in the window to trust the answer rate: 1:1. */
        WARMING_UP,
        /** Predictive, but the abandon rate is at or above the campaign's limit: back to 1:1. */
        AT_ABANDON_LIMIT,
        /** Predictive: as many lines as the expected abandons leave room for. */
        PREDICTIVE
    }

    public PacingDecision {
        if (lines < 0) {
            throw new IllegalArgumentException("lines cannot be negative");
        }
    }
}
