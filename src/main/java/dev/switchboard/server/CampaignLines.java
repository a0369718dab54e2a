package dev.switchboard.server;

import dev.switchboard.api.ScreenPop;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.outbound.AttemptResult;

import java.time.Duration;

/**
 * Calls the outbound dialler places to customers before any agent is on them (PROGRESSIVE and
 * PREDICTIVE campaigns): the customer's line rings first; once answered, the call waits (media
 * inactive) until the dialler connects an agent or drops it as abandoned.
 *
 * <p>A placed call ends one of four ways: {@link Listener#notAnswered}, {@link Listener#customerLeft},
 * a successful {@link #connect} (the call is the agent's contact from then on, and the listener hears
 * no more of it), or {@link #drop} (the listener hears no more of it). The phone channel's
 * implementation is {@link CampaignCalls}, from {@code VoiceService.campaignLines()}.
 */
interface CampaignLines {

    /** What the dialler hears about a call it placed. Called on voice threads; implementations return quickly. */
    interface Listener {
        /** The customer answered; the call waits for {@link #connect} or {@link #drop}. */
        void answered(String callId);

        /**
         * The call ended without being answered: BUSY (486, 600), NO_ANSWER (the ring timed out, 408,
         * 480, 487) or FAILED (any other refusal, or the trunk could not be reached).
         */
        void notAnswered(String callId, AttemptResult result, String problem);

        /**
         * The customer hung up after answering, before {@link #connect} gave the call to an agent (once it
         * has, a hang-up ends the agent's contact like any call's). Rarely, the network may tell this one
         * before {@link #answered}.
         */
        void customerLeft(String callId);

        /** After {@link #connect}: the agent's phone answered and the two are bridged. */
        default void bridged(String callId) {
        }

        /**
         * After {@link #connect}: the agent's phone did not answer (or could not be rung), so the
         * customer was hung up on and the agent's contact ended.
         */
        default void agentMissed(String callId, String problem) {
        }
    }

    /**
     * Checks the agent could take a call now (phone registered, not on a call); an {@link ApiProblem}
     * naming what is wrong otherwise.
     */
    void checkAgent(Agent agent);

    /** Whether calls to outside numbers can be placed (a trunk is configured). */
    boolean canCallOut();

    /**
     * Rings {@code number} through the trunk for at most {@code ringFor}; {@code callId} is new and
     * names the call in the listener's events. Throws {@link ApiProblem} 409 {@code call_failed} when it
     * cannot be placed (no trunk, not a number we can dial, the id is in use); the listener then hears nothing.
     */
    void place(String callId, String number, Duration ringFor, Listener listener);

    /**
     * Gives the answered call to {@code agent}: it becomes the agent's outbound phone contact (as
     * click-to-dial stores it, linked to {@code customerId} when known), their phone rings with the
     * customer's media and is bridged when it answers; from then on it is an ordinary call (hold,
     * hang-up, wrap-up). If the agent's phone then fails to answer, the customer is hung up and the
     * contact ends like any call's.
     *
     * <p>Throws {@link ApiProblem} 409 with code {@code call_gone} when the call is no longer there for
     * anyone (the customer hung up, which {@link Listener#customerLeft} tells as well; it was dropped; or
     * it could not be put through, and was hung up), and {@code call_state} before the customer answers.
     * Any other problem is the agent's ({@code phone_not_registered}, {@code on_a_call}, ...): the call
     * still waits and may go to another agent.
     */
    ScreenPop connect(String callId, Agent agent, Long customerId);

    /**
     * Hangs up a call no agent took (abandoned), or one still ringing; the listener hears nothing more of it.
     * Does nothing to a call already connected, over, or unknown.
     */
    void drop(String callId);
}
