package dev.switchboard.api;

import dev.switchboard.domain.CallState;

/**
 * A phone interaction's call, also the payload of the {@code call} event (sent to the agent who has
 * it): its state, whether it is on hold or muted, the DTMF digits seen so far (both directions, in
 * order), a problem text when something failed (e.g. "Your phone is not registered"), and the
 * consultation call under way, if any.
 */
public record CallView(long interactionId, CallState state, boolean onHold, boolean muted, String digits,
                       String problem, ConsultView consult) {
    public CallView(long interactionId, CallState state, boolean onHold, boolean muted, String digits, String problem) {
        this(interactionId, state, onHold, muted, digits, problem, null);
    }
}
