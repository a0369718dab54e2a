package dev.switchboard.server;

import dev.switchboard.api.ScreenPop;
import dev.switchboard.channels.voice.SipGateway;
import dev.switchboard.channels.voice.VoiceEvents.Side;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.CallState;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.outbound.AttemptResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialler's customer-first calls on the phone channel ({@link CampaignLines}): the gateway rings
 * the customer with no agent ({@link SipGateway#callCustomer}) and the listener hears how that goes.
 * A call this class has placed is a "line" until {@link #connect} hands it to an agent; from then on
 * it is an ordinary outbound phone contact of {@link VoiceService}, exactly as click-to-dial leaves
 * one, so hold, hang-up, the end of the contact and wrap-up need nothing of their own here.
 *
 * <p>Removing a line from {@link #lines} decides, once, who has the call: {@link #connect},
 * {@link #drop}, or the gateway's news that the customer is gone. Whoever removes it acts; the others
 * find nothing to do.
 */
final class CampaignCalls implements CampaignLines {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignCalls.class);

    private final VoiceService voice;
    private final SipGateway gateway;
    private final ContactService contacts;
    private final WorkDistributor work;
    /** Calls placed and not yet given to an agent, dropped, or over. */
    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    /** Calls given to an agent whose phone has not answered yet, with the dialler's listener. */
    private final Map<String, Listener> handedOver = new ConcurrentHashMap<>();

    /** A placed call: the number rung, who hears of it, and whether the customer has answered. */
    private static final class Line {
        final String number;
        final Listener listener;
        volatile boolean answered;

        Line(String number, Listener listener) {
            this.number = number;
            this.listener = listener;
        }
    }

    CampaignCalls(VoiceService voice, SipGateway gateway, ContactService contacts, WorkDistributor work) {
        this.voice = voice;
        this.gateway = gateway;
        this.contacts = contacts;
        this.work = work;
    }

    @Override
    public boolean canCallOut() {
        return gateway.canCallOut();
    }

    @Override
    public void place(String callId, String number, Duration ringFor, Listener listener) {
        if (callId == null || listener == null || ringFor == null || ringFor.isNegative() || ringFor.isZero()) {
            throw new IllegalArgumentException("a call needs an id, a listener and a time to ring");
        }
        if (!gateway.canCallOut()) {
            throw ApiProblem.conflict("call_failed",
                    "Calls to outside numbers are not set up on this server (there is no SIP trunk).");
        }
        String dialled;
        try {
            dialled = contacts.phoneNumber("number", number);
        } catch (ApiProblem e) {
            throw ApiProblem.conflict("call_failed", e.getMessage());
        }
        Line line = new Line(dialled, listener);
        if (lines.putIfAbsent(callId, line) != null) {
            throw ApiProblem.conflict("call_failed", "A call named " + callId + " is already under way.");
        }
        try {
            gateway.callCustomer(callId, dialled, ringFor);
        } catch (RuntimeException e) {
            lines.remove(callId, line);
            throw ApiProblem.conflict("call_failed", "The call to " + dialled + " could not be placed: "
                    + e.getMessage());
        }
    }

    @Override
    public ScreenPop connect(String callId, Agent agent, Long customerId) {
        Line line = lines.get(callId);
        if (line == null) {
            throw ApiProblem.conflict("call_gone", "The customer is no longer on the line.");
        }
        if (!line.answered) {
            throw ApiProblem.conflict("call_state", "The customer has not answered yet.");
        }
        voice.requireCanCall(agent);
        Interaction stored = voice.startOutboundCall(agent, line.number, customerId);
        voice.track(callId, stored.id(), agent.id(), CallState.CONNECTING);
        if (!lines.remove(callId, line)) {
            // the customer hung up (or the call was dropped) while the contact was being stored
            voice.untrack(callId);
            work.channelEnded(stored.id());
            throw ApiProblem.conflict("call_gone", "The customer hung up before the call reached you.");
        }
        handedOver.put(callId, line.listener);
        try {
            gateway.connectAgent(callId, agent.username());
        } catch (RuntimeException e) {
            handedOver.remove(callId);
            voice.untrack(callId);
            work.channelEnded(stored.id());
            gateway.hangUp(callId);
            throw ApiProblem.conflict("call_gone", "The call could not be put through to you: " + e.getMessage());
        }
        return contacts.popOf(stored);
    }

    @Override
    public void checkAgent(Agent agent) {
        voice.requireCanCall(agent);
        work.checkFreeForCall(agent);
    }

    @Override
    public void drop(String callId) {
        if (lines.remove(callId) != null) {
            gateway.hangUp(callId);
        }
    }

    /** A call given to an agent: their phone answered (bridged) or did not (the customer was hung up on). */
    void agentLeg(String callId, boolean answered, String problem) {
        Listener listener = handedOver.remove(callId);
        if (listener != null) {
            try {
                if (answered) {
                    listener.bridged(callId);
                } else {
                    listener.agentMissed(callId, problem);
                }
            } catch (RuntimeException e) {
                LOG.warn("the dialler failed on news of call {}", callId, e);
            }
        }
    }

    /** Calls placed and not yet connected, dropped or over. */
    int open() {
        return lines.size();
    }

    // ---- from the gateway, through VoiceService

    void answered(String callId) {
        Line line = lines.get(callId);
        if (line == null) {
            // dropped as the answer came: nobody wants the call
            gateway.hangUp(callId);
            return;
        }
        line.answered = true;
        tell(callId, line, l -> l.answered(callId));
    }

    void notAnswered(String callId, int status, boolean timedOut, String problem) {
        Line line = lines.remove(callId);
        if (line != null) {
            AttemptResult result = result(status, timedOut);
            tell(callId, line, l -> l.notAnswered(callId, result, problem));
        }
    }

    void left(String callId) {
        Line line = lines.remove(callId);
        if (line != null) {
            tell(callId, line, l -> l.customerLeft(callId));
        } else {
            // connect took the call as the customer hung up: its contact ends like any call's
            voice.ended(callId, Side.CUSTOMER);
        }
    }

    /** What an unanswered call's final SIP status (and whether its ring ran out) means to the dialler. */
    static AttemptResult result(int status, boolean timedOut) {
        return switch (status) {
            case 486, 600 -> AttemptResult.BUSY;
            case 408, 480, 487 -> AttemptResult.NO_ANSWER;
            default -> timedOut ? AttemptResult.NO_ANSWER : AttemptResult.FAILED;
        };
    }

    private static void tell(String callId, Line line, Consumer<Listener> event) {
        try {
            event.accept(line.listener);
        } catch (RuntimeException e) {
            LOG.warn("the dialler failed on news of call {}", callId, e);
        }
    }
}
