package dev.switchboard.desktop.call;

import dev.switchboard.api.CallView;
import dev.switchboard.domain.CallState;

import java.time.Instant;

/**
 * What the desktop knows of one phone interaction's call: the server's latest view of it, when it was
 * bridged and when it stopped (the call view carries no times), and the agent's request in flight.
 * Lives on the FX thread only.
 */
final class CallLine {
    final long interactionId;
    CallView view;
    Instant connectedSince;
    Instant endedAt;
    /** A hold, mute or digits request is on its way: the controls wait for its answer. */
    boolean busy;
    /** Asking the server for the call (after a restart, or a tab that opened before any event). */
    boolean fetching;
    /** Keys pressed while a request was on its way: sent together when it is answered. */
    String queuedDigits = "";
    /** Why the last request failed ("" when it did not). */
    String error = "";
    /**
     * Counts the events received for this call. An answer to a request is kept only when no event
     * arrived while it was on its way: the event is at least as new.
     */
    int events;

    CallLine(long interactionId) {
        this.interactionId = interactionId;
    }

    CallState state() {
        return view == null ? null : view.state();
    }

    boolean connected() {
        return state() == CallState.CONNECTED;
    }

    /**
     * Takes the server's view. {@code now} stamps when the call stopped; {@code bridgedAt} when it was
     * bridged, if this view is the first to say so. A consultation that ended with a problem leaves it
     * as the error.
     */
    void take(CallView next, Instant now, Instant bridgedAt) {
        if (view != null && view.consult() != null && next.consult() == null && next.problem() != null
                && !next.problem().isBlank()) {
            // the consulted party did not answer or refused: said where a refused request is
            error = next.problem().strip();
        }
        view = next;
        if (next.state() == CallState.CONNECTED && connectedSince == null) {
            connectedSince = bridgedAt;
        }
        if ((next.state() == CallState.ENDED || next.state() == CallState.FAILED) && endedAt == null) {
            endedAt = now;
        }
    }
}
