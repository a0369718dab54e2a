package dev.switchboard.channels.voice;

import java.util.Optional;

/**
 * What the gateway tells the server about calls and phones. Called on SIP threads; implementations
 * return quickly and never call back into the gateway while holding their own locks.
 */
public interface VoiceEvents {
    /** Which side of a call did something. */
    enum Side { CUSTOMER, AGENT }

    /**
     * A call from the trunk arrives: who calls, the number (or name) they dialled, and the SIP
     * Subject when the trunk gave one. Returns the interaction it became (the gateway then rings the
     * caller back with 180), or empty to refuse it (the caller gets 480).
     */
    Optional<Long> incoming(String callId, String callerNumber, String dialled, String subject);

    /** The caller hung up before any agent answered. */
    void abandoned(String callId);

    /** The agent's phone (inbound) or the customer (outbound) answered: the two are bridged. */
    void connected(String callId);

    /**
     * The agent side could not be connected: the phone is not registered, busy, did not answer, or
     * the outside number failed. {@code status} is the SIP status (0 when no request was sent).
     */
    void failed(String callId, int status, String problem);

    /** A bridged (or connecting) call ended; {@code by} hung up. */
    void ended(String callId, Side by);

    /**
     * A call placed with {@link SipGateway#callCustomer} was answered: it waits, media inactive, for
     * {@link SipGateway#connectAgent} or {@link SipGateway#hangUp}.
     */
    void customerAnswered(String callId);

    /**
     * A call placed with {@link SipGateway#callCustomer} ended before the customer answered: {@code status}
     * is the final SIP status (487 after the gateway cancelled it, 408 when the network never answered),
     * {@code timedOut} whether the gateway gave up ringing, {@code problem} a sentence for people.
     */
    void customerNotAnswered(String callId, int status, boolean timedOut, String problem);

    /**
     * The customer of a call placed with {@link SipGateway#callCustomer} hung up after answering and
     * before any agent's phone was rung (once one is, the call ends with {@link #ended} as usual).
     */
    void customerLeft(String callId);

    /** How a consultation call stands. */
    enum Consult { CONNECTED, CONFERENCE, ENDED }

    /**
     * The consulted party answered (or a conference could not be set up: {@code problem} says why),
     * the three are in conference, or the consultation ended by itself.
     */
    void consult(String callId, Consult state, String problem);

    /** A DTMF digit went by (from the side named). */
    void digit(String callId, Side from, String digit);

    /** A phone registered ({@code binding} present) or went away (empty). */
    void phone(String username, Optional<Registrar.Binding> binding);

    /** The HA1 of the agent's phone password, or empty for an unknown username. */
    Optional<String> phoneHa1(String username);
}
