package dev.switchboard.channels.voice;

import dev.switchboard.channels.voice.VoiceEvents.Side;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.message.Response;

/**
 * The customer-first calls of the outbound dialler (progressive and predictive campaigns): the
 * customer is rung before any agent is on the call. The INVITE carries no offer, so the customer's
 * 200 makes it; the gateway answers in the ACK with that same media set inactive, so neither end
 * sends while the call waits. Connecting an agent then goes as for a queued inbound call: the
 * agent's phone is offered the customer's media and, once it answers, the customer is re-INVITEd
 * with the phone's. Until that phone is rung, what happens to the customer's leg is told with
 * {@link VoiceEvents#customerAnswered}, {@link VoiceEvents#customerNotAnswered} and
 * {@link VoiceEvents#customerLeft} instead of the events of calls with an agent.
 *
 * <p>Called with the call locked, like {@link LegSignals}; events go into {@code after}, to be told
 * once the lock is released.
 */
final class CustomerFirstCalls {
    /** The From user of the INVITE: the call is the contact centre's, no agent's yet. */
    static final String CALLER = "switchboard";

    private final LegSignals signals;
    private final VoiceEvents events;
    private final String host;

    CustomerFirstCalls(LegSignals signals, VoiceEvents events, String host) {
        this.signals = signals;
        this.events = events;
        this.host = host;
    }

    /** Whether the leg is the customer of a customer-first call no agent's phone has been rung for. */
    static boolean waitingForAgent(Leg leg) {
        Call call = leg.call;
        return call.customerFirst && leg == call.customer && call.far == null;
    }

    /** Rings the customer: an INVITE without SDP to {@code target}, cancelled after {@code ringFor}. */
    void ring(Call call, URI target, Duration ringFor) throws ParseException, SipException {
        Leg customer = signals.newLeg(call, Side.CUSTOMER);
        customer.number = call.customerNumber;
        call.customer = customer;
        signals.sendInvite(customer, target, CALLER, call.customerNumber, null, ringFor);
    }

    /**
     * The customer answered (the 200 is already in {@code customer.remoteSdp}): ACKs it with the
     * answer that keeps the call silent. Returns false when the 200 carried no offer to answer, after
     * telling the server the call failed; the caller then ends the call.
     */
    boolean answered(Leg customer, Response ok, List<Runnable> after) throws Exception {
        Call call = customer.call;
        if (customer.remoteSdp == null) {
            signals.ack(customer, ok, null);
            String problem = "The number answered but offered no audio, so the call was hung up.";
            after.add(() -> events.customerNotAnswered(call.id, Response.NOT_ACCEPTABLE_HERE, false, problem));
            return false;
        }
        signals.ack(customer, ok, customer.outgoingSdp(Sdp.withDirection(customer.remoteSdp, "inactive"), host));
        customer.agreedBody = customer.lastSentBody;
        call.customerAnswered = true;
        after.add(() -> events.customerAnswered(call.id));
        return true;
    }

    /** The customer's INVITE got a final refusal, or was cancelled when the ring timed out. */
    void notAnswered(Leg customer, int status, List<Runnable> after) {
        String problem = LegSignals.numberProblem(status, customer.timedOut);
        boolean timedOut = customer.timedOut;
        after.add(() -> events.customerNotAnswered(customer.call.id, status, timedOut, problem));
    }

    /** The customer hung up while the call waited for an agent. */
    void left(Leg customer, List<Runnable> after) {
        after.add(() -> events.customerLeft(customer.call.id));
    }
}
