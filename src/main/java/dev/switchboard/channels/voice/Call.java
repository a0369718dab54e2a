package dev.switchboard.channels.voice;

/** One call: the customer's leg and, once an agent (or outside number) takes it, the far leg. */
final class Call {
    final String id;
    final boolean outbound;
    final String customerNumber;
    Leg customer;
    Leg far;
    /** A consultation call the agent made while the customer waits on hold. */
    Leg consult;
    /** The agent phone's second line, to the consulted party, while the three talk together. */
    Leg conference;
    SipGateway.CallStatus status = SipGateway.CallStatus.RINGING;
    /** The server has been told of the call (until then, a hang-up is told afterwards). */
    boolean announced;
    boolean abandonedEarly;
    boolean held;
    boolean muted;
    /** Placed for the dialler: the customer is rung first, with no agent (see {@link CustomerFirstCalls}). */
    boolean customerFirst;
    /** A customer-first call's customer answered; until an agent's phone is rung the call waits, media inactive. */
    boolean customerAnswered;

    Call(String id, boolean outbound, String customerNumber) {
        this.id = id;
        this.outbound = outbound;
        this.customerNumber = customerNumber;
    }
}
