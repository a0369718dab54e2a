package dev.switchboard.server;

import dev.switchboard.api.CallView;
import dev.switchboard.api.ConsultRequest;
import dev.switchboard.api.ConsultView;
import dev.switchboard.api.DialRequest;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.HandoverEvent;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.PhoneView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.channels.voice.Registrar;
import dev.switchboard.channels.voice.SipGateway;
import dev.switchboard.channels.voice.SipSettings;
import dev.switchboard.channels.voice.VoiceEvents;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.CallState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.InteractionStore;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone channel on the server: turns calls from the SIP gateway into contacts, rings the
 * accepting agent's phone, hangs up when the contact ends, and carries out the desktop's call
 * controls (hold, mute, digits, transfer to a number, click-to-dial). Each call's state goes to the
 * agent who has it as a {@code call} event; phone registrations as {@code phone} events. The outbound
 * dialler's customer-first calls are {@link CampaignCalls}, reached through {@link #campaignLines()}.
 */
public final class VoiceService implements VoiceEvents, WorkDistributor.WorkListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceService.class);

    private final SipGateway gateway;
    private final ContactService contacts;
    private final WorkDistributor work;
    private final InteractionStore interactions;
    private final AgentStore agents;
    private final EventHub hub;
    private final CampaignCalls campaign;
    private final Map<String, Long> interactionOf = new ConcurrentHashMap<>();
    private final Map<Long, String> callOf = new ConcurrentHashMap<>();
    private final Map<Long, CallView> views = new ConcurrentHashMap<>();
    private final Map<Long, Long> agentOf = new ConcurrentHashMap<>();
    /** The colleague each consultation under way is with (absent: a number). */
    private final Map<Long, Long> consultedColleague = new ConcurrentHashMap<>();
    /** Accepts that came before the call was tracked (kept a few seconds at most). */
    private final Map<Long, EarlyAccept> early = new ConcurrentHashMap<>();

    private record EarlyAccept(Agent agent, long at) {
    }
    private final LongAdder received = new LongAdder();
    private final LongAdder connectedCount = new LongAdder();
    private final LongAdder connectedTwice = new LongAdder();
    private final LongAdder bounced = new LongAdder();
    private final LongAdder abandonedCount = new LongAdder();

    /**
     * What the phone channel has done since it started: calls received from the trunk, calls
     * bridged (and bridged a second time, which must never happen), calls sent back to the queue
     * because a phone could not take them, and calls abandoned while queued.
     */
    public record Stats(long received, long connected, long connectedTwice, long bounced, long abandoned,
                        int inProgress) {
    }

    public Stats stats() {
        return new Stats(received.sum(), connectedCount.sum(), connectedTwice.sum(), bounced.sum(),
                abandonedCount.sum(), gateway.callsInProgress());
    }

    public VoiceService(SipSettings settings, ContactService contacts, WorkDistributor work,
                        InteractionStore interactions, AgentStore agents, EventHub hub, Clock clock) {
        this.contacts = contacts;
        this.work = work;
        this.interactions = interactions;
        this.agents = agents;
        this.hub = hub;
        this.gateway = new SipGateway(settings, this, clock);
        this.campaign = new CampaignCalls(this, gateway, contacts, work);
    }

    /** The calls the outbound dialler places to customers before an agent is on them. */
    CampaignLines campaignLines() {
        return campaign;
    }

    public void start() throws IOException {
        gateway.start();
        work.listen(this);
    }

    public int sipPort() {
        return gateway.port();
    }

    public String registrarAddress() {
        return gateway.registrarAddress();
    }

    // ---- from the gateway

    @Override
    public Optional<Long> incoming(String callId, String callerNumber, String dialled, String sipSubject) {
        Long queue = queueDialled(dialled);
        String subject = sipSubject != null && !sipSubject.isBlank() ? sipSubject
                : dialled == null || dialled.isBlank() ? "Phone call" : "Call to " + dialled;
        IngestResponse r = contacts.ingest(new IngestRequest(Channel.PHONE, Direction.INBOUND,
                callerNumber == null || callerNumber.isBlank() ? "anonymous" : callerNumber,
                subject.length() > 300 ? subject.substring(0, 300) : subject, null, queue, null));
        long id = r.interaction().id();
        track(callId, id, null, CallState.QUEUED);
        received.increment();
        EarlyAccept accepted = early.remove(id);
        if (accepted != null) {
            accepted(accepted.agent(), id, Channel.PHONE);
        }
        return Optional.of(id);
    }

    /**
     * The queue a dialled name reaches ({@code sip:billing@...} or {@code sip:technical-support@...}:
     * its name without case, spaces or dashes), or null for the phone channel's default queue.
     */
    private Long queueDialled(String dialled) {
        if (dialled == null) {
            return null;
        }
        String wanted = squash(dialled);
        return work.queues().stream().filter(q -> squash(q.name()).equals(wanted)).map(q -> q.id())
                .findFirst().orElse(null);
    }

    /** How a queue is named in a SIP address: lower case, words joined by dashes. */
    public static String sipName(String queueName) {
        return queueName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String squash(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    public boolean canCallOut() {
        return gateway.canCallOut();
    }

    /** Calls to outside numbers go through this {@code host:port} from now on. */
    public void useTrunk(String hostAndPort) {
        gateway.useTrunk(hostAndPort);
    }

    @Override
    public void abandoned(String callId) {
        Long id = untrack(callId);
        if (id != null) {
            abandonedCount.increment();
            work.channelEnded(id);
        }
    }

    @Override
    public void connected(String callId) {
        campaign.agentLeg(callId, true, null);
        Long id = interactionOf.get(callId);
        if (id != null) {
            connectedCount.increment();
            update(id, v -> {
                if (v.state() == CallState.CONNECTED) {
                    connectedTwice.increment();
                }
                return new CallView(id, CallState.CONNECTED, false, false, v.digits(), null);
            });
        }
    }

    @Override
    public void failed(String callId, int status, String problem) {
        campaign.agentLeg(callId, false, problem);
        Long id = interactionOf.get(callId);
        if (id == null) {
            return;
        }
        LOG.info("call {} (interaction {}) failed: {} {}", callId, id, status, problem);
        Interaction i = interactions.find(id).orElse(null);
        if (i != null && i.direction() == Direction.INBOUND) {
            update(id, v -> new CallView(id, CallState.FAILED, false, false, v.digits(), problem));
            agentOf.remove(id);
            views.put(id, new CallView(id, CallState.QUEUED, false, false, "", null));
            bounced.increment();
            work.bounce(id, contacts.popOf(i));
        } else {
            update(id, v -> new CallView(id, CallState.FAILED, false, false, v.digits(), problem));
            untrack(callId);
            work.channelEnded(id);
        }
    }

    @Override
    public void ended(String callId, Side by) {
        // a dialler's call that ends before the agent's phone answered was never bridged
        campaign.agentLeg(callId, false, "the call ended before the agent's phone answered");
        Long id = interactionOf.get(callId);
        if (id == null) {
            return;
        }
        update(id, v -> new CallView(id, CallState.ENDED, false, false, v.digits(), null));
        untrack(callId);
        work.channelEnded(id);
    }

    @Override
    public void customerAnswered(String callId) {
        campaign.answered(callId);
    }

    @Override
    public void customerNotAnswered(String callId, int status, boolean timedOut, String problem) {
        campaign.notAnswered(callId, status, timedOut, problem);
    }

    @Override
    public void customerLeft(String callId) {
        campaign.left(callId);
    }

    @Override
    public void consult(String callId, Consult state, String problem) {
        Long id = interactionOf.get(callId);
        if (id == null) {
            return;
        }
        if (state == Consult.ENDED) {
            consultedColleague.remove(id);
        }
        update(id, v -> v.consult() == null || state == Consult.ENDED
                ? new CallView(id, v.state(), false, v.muted(), v.digits(), problem, null)
                : new CallView(id, v.state(), state == Consult.CONNECTED, v.muted(), v.digits(), problem,
                        new ConsultView(v.consult().target(), state.name())));
    }

    @Override
    public void digit(String callId, Side from, String digit) {
        Long id = interactionOf.get(callId);
        if (id != null) {
            update(id, v -> new CallView(id, v.state(), v.onHold(), v.muted(), v.digits() + digit, v.problem(),
                    v.consult()));
        }
    }

    @Override
    public void phone(String username, Optional<Registrar.Binding> binding) {
        agents.findByUsername(username).ifPresent(a -> hub.publish(EventTypes.PHONE, phoneView(a), a.id()));
    }

    @Override
    public Optional<String> phoneHa1(String username) {
        return agents.phoneHa1(username);
    }

    // ---- from the distributor

    @Override
    public void beforeAccept(Agent agent, long interactionId) {
        if (callOf.containsKey(interactionId) && gateway.registrar().find(agent.username()).isEmpty()) {
            // no phone to ring: say so now, before the agent takes a call they cannot hear
            work.reject(agent, interactionId);
            work.setState(agent, dev.switchboard.domain.AgentState.NOT_READY, WorkDistributor.PHONE_UNAVAILABLE);
            throw ApiProblem.conflict("phone_not_registered", "your phone is not registered: register it as "
                    + agent.username() + " at " + gateway.registrarAddress() + ". The call went back to the queue.");
        }
    }

    @Override
    public void accepted(Agent agent, long interactionId, Channel channel) {
        String callId = callOf.get(interactionId);
        if (callId == null && channel != Channel.PHONE) {
            return;
        }
        if (callId == null) {
            // the offer can outrun the call's bookkeeping by a moment: finish it when the call is known
            long now = System.nanoTime();
            early.values().removeIf(e -> now - e.at() > 10_000_000_000L);
            early.put(interactionId, new EarlyAccept(agent, now));
            callId = callOf.get(interactionId);
            if (callId == null || early.remove(interactionId) == null) {
                return;
            }
        }
        agentOf.put(interactionId, agent.id());
        update(interactionId, v -> new CallView(interactionId, CallState.CONNECTING, false, false, v.digits(), null));
        gateway.connectAgent(callId, agent.username());
    }

    @Override
    public void ended(long interactionId) {
        String callId = callOf.get(interactionId);
        if (callId != null) {
            update(interactionId, v -> new CallView(interactionId, CallState.ENDED, false, false, v.digits(), null));
            untrack(callId);
            gateway.hangUp(callId);
        }
    }

    @Override
    public void transferred(long interactionId) {
        String callId = callOf.get(interactionId);
        if (callId != null) {
            update(interactionId, v -> new CallView(interactionId, CallState.QUEUED, false, false, v.digits(), null));
            agentOf.remove(interactionId);
            gateway.detachAgent(callId);
        }
    }

    // ---- from the desktop

    /** The call of a phone contact the agent has (or any, for a supervisor). */
    public CallView call(Session session, long interactionId) {
        CallView v = views.get(interactionId);
        Long owner = agentOf.get(interactionId);
        if (v == null || !session.isSupervisor() && (owner == null || owner != session.agentId())) {
            throw new ApiProblem(404, "not_found", "you have no call for interaction " + interactionId, null);
        }
        return v;
    }

    public CallView hold(Session session, long interactionId, Boolean on) {
        boolean hold = required(on);
        String callId = ownCall(session, interactionId);
        control(() -> gateway.hold(callId, hold));
        return update(interactionId, v -> new CallView(interactionId, v.state(), hold, v.muted(), v.digits(), null,
                v.consult()));
    }

    public CallView mute(Session session, long interactionId, Boolean on) {
        boolean mute = required(on);
        String callId = ownCall(session, interactionId);
        control(() -> gateway.mute(callId, mute));
        return update(interactionId, v -> new CallView(interactionId, v.state(), v.onHold(), mute, v.digits(), null,
                v.consult()));
    }

    public CallView digits(Session session, long interactionId, String digits) {
        if (digits == null || !digits.matches("[0-9*#A-Da-d]{1,32}")) {
            throw ApiProblem.badRequest("digits", "digits must be 1 to 32 of 0-9, *, # and A-D");
        }
        String callId = ownCall(session, interactionId);
        String upper = digits.toUpperCase(java.util.Locale.ROOT);
        control(() -> gateway.sendDigits(callId, upper));
        return update(interactionId, v -> new CallView(interactionId, v.state(), v.onHold(), v.muted(),
                v.digits() + upper, v.problem(), v.consult()));
    }

    /** Puts the customer on hold and calls an outside number for the agent to consult. */
    public CallView consult(Session session, long interactionId, ConsultRequest request) {
        if (request == null || (request.number() == null) == (request.agentId() == null)) {
            throw ApiProblem.badRequest("number", "give a number (or a colleague) to consult");
        }
        String callId = ownCall(session, interactionId);
        if (request.agentId() != null) {
            Agent colleague = agents.find(request.agentId()).filter(a -> a.role().takesContacts()
                    && a.id() != session.agentId()).orElseThrow(() -> ApiProblem.badRequest("agentId",
                    "agent " + request.agentId() + " cannot be consulted"));
            consultedColleague.put(interactionId, colleague.id());
            return startConsult(interactionId, colleague.displayName(),
                    () -> gateway.consultColleague(callId, colleague.username()));
        }
        String number = contacts.phoneNumber("number", request.number());
        requireTrunk();
        return startConsult(interactionId, contacts.displayPhone(number), () -> gateway.consult(callId, number));
    }

    /**
     * Shows the consultation as ringing, then places it: the consulted party may answer before the
     * gateway returns, and their answer must find the consultation to update.
     */
    private CallView startConsult(long interactionId, String target, Runnable place) {
        CallView before = views.get(interactionId);
        CallView ringing = update(interactionId, v -> new CallView(interactionId, v.state(), true, v.muted(),
                v.digits(), null, new ConsultView(target, ConsultView.RINGING)));
        try {
            control(place);
        } catch (ApiProblem e) {
            consultedColleague.remove(interactionId);
            if (before != null) {
                update(interactionId, v -> before);
            }
            throw e;
        }
        return views.getOrDefault(interactionId, ringing);
    }

    /**
     * Connects the customer to the consulted party: a number takes the call and the contact ends for
     * the agent; a colleague takes the contact over, with its call.
     */
    public CallView completeConsult(Session session, long interactionId) {
        String callId = ownCall(session, interactionId);
        CallView before = views.get(interactionId);
        String target = before == null || before.consult() == null ? null : before.consult().target();
        Long colleague = consultedColleague.get(interactionId);
        work.inHand(session.agent(), interactionId);
        control(() -> gateway.completeConsult(callId));
        if (colleague != null) {
            CallView left = update(interactionId, v -> new CallView(interactionId, CallState.ENDED, false, false,
                    v.digits(), null, null));
            work.handOver(session.agent(), interactionId, colleague);
            consultedColleague.remove(interactionId);
            agentOf.put(interactionId, colleague);
            update(interactionId, v -> new CallView(interactionId, CallState.CONNECTED, false, false, "", null, null));
            interactions.find(interactionId).ifPresent(i ->
                    hub.publish(EventTypes.HANDOVER, new HandoverEvent(contacts.popOf(i)), colleague));
            return left;
        }
        work.transferOut(session.agent(), interactionId, target, "after a consultation");
        CallView done = update(interactionId, v -> new CallView(interactionId, CallState.ENDED, false, false,
                v.digits(), null, null));
        untrack(callId);
        return done;
    }

    /**
     * Brings the caller into the consultation: the agent's phone gets a second line for the
     * consulted party and mixes (where the phone can); the {@code call} event says when it is up.
     */
    public CallView conference(Session session, long interactionId) {
        String callId = ownCall(session, interactionId);
        control(() -> gateway.conference(callId));
        return views.get(interactionId);
    }

    /** Hangs up the consultation; the customer comes off hold. */
    public CallView cancelConsult(Session session, long interactionId) {
        String callId = ownCall(session, interactionId);
        control(() -> gateway.cancelConsult(callId));
        consultedColleague.remove(interactionId);
        return update(interactionId, v -> new CallView(interactionId, v.state(), false, v.muted(), v.digits(), null,
                null));
    }

    /** Click-to-dial: a new outbound call held by the agent; their phone rings first. */
    public ScreenPop dial(Session session, DialRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("number", "number is required");
        }
        Agent agent = session.agent();
        contacts.phoneNumber("number", request.number());
        requireCanCall(agent);
        Interaction stored = startOutboundCall(agent, request.number(), request.customerId());
        String callId = "out-" + UUID.randomUUID();
        track(callId, stored.id(), agent.id(), CallState.CONNECTING);
        try {
            gateway.dial(callId, agent.username(), stored.address());
        } catch (RuntimeException e) {
            untrack(callId);
            work.channelEnded(stored.id());
            throw ApiProblem.conflict("call_failed", e.getMessage());
        }
        return contacts.popOf(stored);
    }

    /**
     * Stores an outbound phone contact the agent holds from the start (click-to-dial, a dialler's call);
     * one that cannot start (the agent is already on a call) is closed as not placed, and the problem thrown.
     */
    Interaction startOutboundCall(Agent agent, String number, Long customerId) {
        work.checkFreeForCall(agent);
        Interaction stored = contacts.storeOutboundCall(agent.id(), number, customerId);
        try {
            work.startOwn(agent, stored);
        } catch (RuntimeException e) {
            // a second call that lost the race: the contact it stored never started
            interactions.updateProgress(stored.finished(dev.switchboard.domain.InteractionState.ENDED,
                    stored.createdAt(), stored.routing().wrappedUp(null, "Not placed: " + e.getMessage())));
            throw e;
        }
        return stored;
    }

    /** Blind transfer to an outside number: the caller is connected there; the contact ends for the agent. */
    public InteractionView transferToNumber(Session session, long interactionId, String rawNumber, String note) {
        String number = contacts.phoneNumber("number", rawNumber);
        String callId = ownCall(session, interactionId);
        requireTrunk();
        work.inHand(session.agent(), interactionId);
        control(() -> gateway.transferToNumber(callId, number));
        InteractionView view = work.transferOut(session.agent(), interactionId, number, note);
        update(interactionId, v -> new CallView(interactionId, CallState.ENDED, false, false, v.digits(), null));
        untrack(callId);
        return view;
    }

    public PhoneView phone(Session session) {
        return phoneView(session.agent());
    }

    /**
     * Sets the password the agent's phone registers with; the server keeps only its HA1. A phone
     * registered with the old one stays registered until it registers again.
     */
    public PhoneView setPhonePassword(Session session, String password) {
        if (password == null || password.length() < 8 || password.length() > 128) {
            throw ApiProblem.badRequest("password", "the phone password must be 8 to 128 characters");
        }
        Agent agent = session.agent();
        agents.setPhoneHa1(agent.id(), dev.switchboard.channels.voice.Digest.ha1(agent.username(), SipSettings.REALM,
                password));
        return phoneView(agent);
    }

    private PhoneView phoneView(Agent agent) {
        Optional<Registrar.Binding> b = gateway.registrar().find(agent.username());
        return new PhoneView(agent.id(), b.isPresent(), b.map(Registrar.Binding::contact).orElse(null),
                b.map(Registrar.Binding::expiresAt).orElse(null), gateway.registrarAddress());
    }

    private void requireTrunk() {
        if (!gateway.canCallOut()) {
            throw ApiProblem.conflict("no_trunk", "calls to outside numbers are not set up on this server (no SIP trunk)");
        }
    }

    void requireCanCall(Agent agent) {
        requireTrunk();
        if (gateway.registrar().find(agent.username()).isEmpty()) {
            throw ApiProblem.conflict("phone_not_registered", "your phone is not registered: register it as "
                    + agent.username() + " at " + gateway.registrarAddress());
        }
    }

    private String ownCall(Session session, long interactionId) {
        String callId = callOf.get(interactionId);
        Long owner = agentOf.get(interactionId);
        if (callId == null || owner == null || owner != session.agentId()) {
            throw new ApiProblem(404, "not_found", "you have no call for interaction " + interactionId, null);
        }
        return callId;
    }

    private static boolean required(Boolean on) {
        if (on == null) {
            throw ApiProblem.badRequest("on", "on is required: true or false");
        }
        return on;
    }

    private static void control(Runnable action) {
        try {
            action.run();
        } catch (ApiProblem e) {
            throw e;
        } catch (RuntimeException e) {
            throw ApiProblem.conflict("call_state", e.getMessage() != null ? e.getMessage()
                    : "the call cannot do that now");
        }
    }

    /** A call can be handed on only once it is connected (a transfer mid-ring would leave it half made). */
    public void checkTransferable(long interactionId) {
        CallView v = views.get(interactionId);
        if (v != null && callOf.containsKey(interactionId) && v.state() != CallState.CONNECTED) {
            throw ApiProblem.conflict("call_state", "the call is not connected yet: wait until it is, or hang up");
        }
    }

    void track(String callId, long interactionId, Long agentId, CallState state) {
        interactionOf.put(callId, interactionId);
        callOf.put(interactionId, callId);
        if (agentId != null) {
            agentOf.put(interactionId, agentId);
        }
        views.put(interactionId, new CallView(interactionId, state, false, false, "", null));
    }

    Long untrack(String callId) {
        Long id = interactionOf.remove(callId);
        if (id != null) {
            callOf.remove(id);
            agentOf.remove(id);
            views.remove(id);
            consultedColleague.remove(id);
        }
        return id;
    }

    /** One change at a time: the gateway's threads and the agents' requests both change a call's view. */
    private synchronized CallView update(long interactionId, java.util.function.UnaryOperator<CallView> change) {
        CallView before = views.getOrDefault(interactionId,
                new CallView(interactionId, CallState.QUEUED, false, false, "", null));
        CallView after = change.apply(before);
        if (callOf.containsKey(interactionId)) {
            views.put(interactionId, after);
        }
        Long agentId = agentOf.get(interactionId);
        if (agentId != null) {
            hub.publish(EventTypes.CALL, after, agentId);
        }
        return after;
    }

    @Override
    public void close() {
        gateway.close();
    }
}
