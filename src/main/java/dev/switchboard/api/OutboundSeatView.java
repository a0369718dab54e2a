package dev.switchboard.api;

import java.time.Instant;

/**
 * An outbound agent's seat on a campaign the server dials for (PROGRESSIVE or PREDICTIVE):
 * {@code joined} while the dialler may connect answered calls to the agent; {@code linesOut} the
 * campaign's calls ringing now; {@code note} what the dialler is doing, in words; {@code inHand} a
 * call the dialler gave this agent whose result is not reported yet (the desktop lost it, or was
 * restarted): the dialler gives the agent no other call until it is; {@code nextDueAt} when nothing may
 * be dialled now, the time the campaign's next record falls due.
 */
public record OutboundSeatView(long campaignId, boolean joined, int linesOut, String note, OutboundRecordView inHand,
                               Instant nextDueAt) {
}
