package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.OfferRevokedEvent;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.QueueEvent;
import dev.switchboard.api.QueueLeftEvent;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Capacity;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactQueue;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Routing;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Router;
import dev.switchboard.server.cluster.ClusterRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Hands queued contacts to agents and follows them to the end: runs the {@link Router} on one thread
 * of its own, carries out its decisions (store the state, publish the offer with its screen-pop,
 * keep the merged queue live), and takes the agents' answers (accept, reject, end, wrap-up,
 * transfer, callbacks) and state changes on that same thread, so an offer and its timeout can never
 * race. Also due here: wrap-ups that end on their own and scheduled callbacks that fall due.
 */
public final class WorkDistributor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkDistributor.class);
    /** Not-ready reason given to an agent who let an offer ring out. */
    static final String NO_ANSWER = "NO_ANSWER";
    /** Not-ready reason given to an agent whose phone could not take a call routed to them. */
    static final String PHONE_UNAVAILABLE = "PHONE";

    private final Router router;
    private final ProgressWriter progress;
    private final AgentPresence presence;
    private final EventHub hub;
    private final Views views;
    private final Clock clock;
    private final ScheduledExecutorService loop;

    /** Changed on the loop thread only (a supervisor's priority), read from any. */
    private final Map<Long, ContactQueue> queues = new java.util.concurrent.ConcurrentHashMap<>();
    // confined to the loop thread
    private final Map<Long, Interaction> routed = new HashMap<>();
    private final Map<Long, ScreenPop> pops = new HashMap<>();
    private final HeldContacts held = new HeldContacts();
    private final Map<Long, Interaction> scheduled = new HashMap<>();
    private final Map<Long, SignedIn> signedIn = new HashMap<>();
    private final List<WorkListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The other nodes serving the centre, if any; read and changed on the loop thread only. */
    private ClusterRouting cluster = ClusterRouting.SINGLE;

    /**
     * Hears what agents do with contacts that a channel has to carry out (ring the agent's phone,
     * hang up a call). Called on the thread that made the change, after the distributor is done.
     */
    public interface WorkListener {
        /** The agent is about to take the contact; throwing an {@code ApiProblem} refuses it. */
        default void beforeAccept(Agent agent, long interactionId) {
        }

        /** The agent took the contact (on this channel). */
        default void accepted(Agent agent, long interactionId, Channel channel) {
        }

        /** The agent ended the contact (it goes to wrap-up). */
        default void ended(long interactionId) {
        }

        /** The contact left the agent for a queue or another agent. */
        default void transferred(long interactionId) {
        }
    }

    private static final class SignedIn {
        final Agent agent;
        final Map<String, Integer> skills;
        final Capacity capacity;
        boolean ready;
        String reason;

        SignedIn(Agent agent, Map<String, Integer> skills, Capacity capacity) {
            this.agent = agent;
            this.skills = Map.copyOf(skills);
            this.capacity = capacity;
        }
    }

    public WorkDistributor(Router router, List<ContactQueue> queueList, ProgressWriter progress,
                           AgentPresence presence, EventHub hub, Views views, Clock clock) {
        this.router = router;
        this.progress = progress;
        this.presence = presence;
        this.hub = hub;
        this.views = views;
        this.clock = clock;
        for (ContactQueue q : queueList) {
            queues.put(q.id(), q);
            router.defineQueue(new Router.QueueRule(q.id(), q.priority(), q.slThreshold(), q.requiredSkills(),
                    q.offerTimeout()));
        }
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "work-distributor");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(() -> guarded(this::tick), 200, 200, TimeUnit.MILLISECONDS);
    }

    /**
     * Picks up what a previous run left: waiting and offered contacts wait again in their place,
     * contacts with an agent stay with that agent, scheduled callbacks stay scheduled.
     */
    public void recover(List<Interaction> unfinished, Function<Interaction, ScreenPop> popOf) {
        call(() -> {
            for (Interaction i : unfinished) {
                switch (i.state()) {
                    case ACTIVE, WRAP_UP -> {
                        held.put(i);
                        router.hold(i.id(), i.agentId(), i.channel());
                    }
                    case SCHEDULED -> scheduled.put(i.id(), i);
                    case OFFERED -> {
                        // in a cluster another node may be offering it right now: its claim decides
                        if (!cluster.shared()) {
                            recoverWaiting(i, popOf);
                        }
                    }
                    default -> recoverWaiting(i, popOf);
                }
            }
            return null;
        });
        LOG.info("recovered {} unfinished contacts", unfinished.size());
    }

    private void recoverWaiting(Interaction i, Function<Interaction, ScreenPop> popOf) {
        Interaction queued = i.queued(i.routing());
        if (i.state() != InteractionState.QUEUED) {
            progress.interaction(queued);
        }
        if (queues.containsKey(queued.routing().queueId())) {
            addToQueue(queued, popOf.apply(queued));
        } else {
            LOG.warn("interaction {} waits in an unknown queue {}", i.id(), i.routing().queueId());
        }
    }

    /**
     * Serves the contact centre together with other nodes: claims before offering, announces what
     * waits again. Set once, before agents sign in; a server alone never calls it.
     */
    public void useCluster(ClusterRouting routing) {
        call(() -> {
            cluster = routing;
            progress.sharedRows(routing.shared());
            return null;
        });
    }

    /**
     * Another node claimed the contact for one of its agents: it leaves this node's queues (its
     * agents see it go) until it waits again.
     */
    public void claimedElsewhere(long interactionId) {
        call(() -> {
            dropMirrored(interactionId, "answered");
            return null;
        });
    }

    /** The contact left routing on another node (abandoned, scheduled): it leaves this node's queues. */
    public void leftElsewhere(long interactionId) {
        call(() -> {
            dropMirrored(interactionId, "abandoned");
            return null;
        });
    }

    /**
     * A contact waits (again) on another node's word, as its row now says: it joins this node's
     * router, so this node's agents may be offered it (after a claim). One already here takes the
     * new place (a move to another queue).
     */
    public void waitingElsewhere(Interaction queued) {
        call(() -> {
            if (held.contains(queued.id()) || queued.state() != InteractionState.QUEUED
                    || !queues.containsKey(queued.routing().queueId())) {
                return null;
            }
            Interaction known = routed.get(queued.id());
            if (known != null) {
                if (router.offeredTo(queued.id()).isPresent() || known.routing().equals(queued.routing())) {
                    return null; // offered here (this node's claim holds it, the news is older), or nothing new
                }
                router.withdraw(queued.id());
                Interaction before = routed.remove(queued.id());
                if (before != null && !before.routing().queueId().equals(queued.routing().queueId())) {
                    publishLeft(before, "moved");
                }
            }
            routed.put(queued.id(), queued);
            apply(router.enqueue(contactOf(queued)));
            if (router.isWaiting(queued.id())) {
                publishQueue(queued, new QueueEvent(entry(queued, null)));
            }
            return null;
        });
    }

    /**
     * A contact an agent took through a node that has stopped stays that agent's: this node keeps it
     * for them (as recovery does), so that they can end and wrap it up here once their desktop signs
     * in here, and they see it at once if they have already.
     */
    public void heldElsewhere(Interaction i) {
        call(() -> {
            boolean inHand = i.state() == InteractionState.ACTIVE || i.state() == InteractionState.WRAP_UP;
            if (!inHand || i.agentId() == null || held.contains(i.id()) || routed.containsKey(i.id())) {
                return null;
            }
            held.put(i);
            router.hold(i.id(), i.agentId(), i.channel());
            if (signedIn.containsKey(i.agentId())) {
                refreshState(i.agentId());
                publish(i);
            }
            return null;
        });
    }

    /** Takes a contact another node has from this node's router, unless this node offers it. */
    private void dropMirrored(long interactionId, String reason) {
        Interaction i = routed.get(interactionId);
        if (i == null) {
            return;
        }
        if (router.offeredTo(interactionId).isPresent()) {
            LOG.warn("interaction {} is offered here and was taken on another node", interactionId);
            return;
        }
        router.withdraw(interactionId);
        routed.remove(interactionId);
        pops.remove(interactionId);
        publishLeft(i, reason);
    }

    /** Adds a channel that hears what agents do with contacts (each channel acts on its own contacts). */
    public void listen(WorkListener workListener) {
        listeners.add(workListener);
    }

    public ContactQueue queue(long queueId) {
        ContactQueue q = queues.get(queueId);
        if (q == null) {
            throw ApiProblem.badRequest("queueId", "queue " + queueId + " does not exist");
        }
        return q;
    }

    public List<ContactQueue> queues() {
        return queues.values().stream().sorted(Comparator.comparingLong(ContactQueue::id)).toList();
    }

    /** A stored, queued interaction joins its queue. */
    public void enqueue(Interaction interaction, ScreenPop pop) {
        call(() -> {
            announceWaiting(interaction, null);
            addToQueue(interaction, pop);
            return null;
        });
    }

    /** An agent signed in; agents who take contacts start ready or not ready as given. */
    public void signIn(Agent agent, Map<String, Integer> skills, Capacity capacity, boolean ready) {
        call(() -> {
            SignedIn s = new SignedIn(agent, skills, capacity);
            SignedIn old = signedIn.put(agent.id(), s);
            s.ready = old != null ? old.ready : ready;
            s.reason = old != null ? old.reason : ready ? null : "BREAK";
            router.signIn(agent.id(), skills, capacity);
            apply(router.setAvailable(agent.id(), s.ready));
            refreshState(agent.id());
            return null;
        });
    }

    public void signOut(Agent agent) {
        call(() -> {
            apply(router.signOut(agent.id()));
            signedIn.remove(agent.id());
            presence.set(agent, AgentState.LOGGED_OUT, null);
            return null;
        });
    }

    /**
     * READY, or NOT_READY with a reason. Taking effect at once for new offers; while the agent still
     * works contacts their state shows BUSY / WRAP_UP and the asked-for one follows when the work ends.
     */
    public void setState(Agent agent, AgentState requested, String reason) {
        call(() -> {
            SignedIn s = signedIn.get(agent.id());
            if (s == null) {
                throw ApiProblem.conflict("signed_out", "sign in again to change your state");
            }
            s.ready = requested == AgentState.READY;
            s.reason = s.ready ? null : reason;
            apply(router.setAvailable(agent.id(), s.ready));
            refreshState(agent.id());
            return null;
        });
    }

    public AgentPresence.Entry stateOf(long agentId) {
        return presence.of(agentId);
    }

    public InteractionView accept(Agent agent, long interactionId) {
        listeners.forEach(l -> l.beforeAccept(agent, interactionId));
        Channel[] channel = new Channel[1];
        InteractionView view = call(() -> {
            Interaction i = routed.get(interactionId);
            if (i == null || !router.accept(interactionId, agent.id())) {
                throw ApiProblem.conflict("offer_gone",
                        "interaction " + interactionId + " is not offered to you (it timed out or went elsewhere)");
            }
            routed.remove(interactionId);
            channel[0] = i.channel();
            Interaction accepted = i.answered(clock.instant());
            progress.interaction(accepted);
            held.put(accepted);
            held.setWho(interactionId, who(i));
            pops.remove(interactionId);
            publishLeft(i, "answered");
            refreshState(agent.id());
            return publish(accepted);
        });
        listeners.forEach(l -> l.accepted(agent, interactionId, channel[0]));
        return view;
    }

    public InteractionView reject(Agent agent, long interactionId) {
        return call(() -> {
            Interaction i = routed.get(interactionId);
            if (i == null || router.offeredTo(interactionId).filter(a -> a == agent.id()).isEmpty()) {
                throw ApiProblem.conflict("offer_gone", "interaction " + interactionId + " is not offered to you");
            }
            apply(router.reject(interactionId, agent.id()));
            return views.interaction(routed.getOrDefault(interactionId, i));
        });
    }

    /** The contact ends; the agent goes on to its wrap-up, which holds their capacity until done. */
    public InteractionView end(Agent agent, long interactionId) {
        InteractionView view = call(() -> toWrapUp(heldBy(agent, interactionId, InteractionState.ACTIVE)));
        listeners.forEach(l -> l.ended(interactionId));
        return view;
    }

    /**
     * The contact's channel ended it (the caller or the agent's phone hung up): a contact with an
     * agent goes on to wrap-up; one still waiting (or offered) is abandoned.
     */
    public void channelEnded(long interactionId) {
        call(() -> {
            if (routed.containsKey(interactionId)) {
                return abandonNow(interactionId);
            }
            Interaction i = held.get(interactionId);
            return i == null || i.state() != InteractionState.ACTIVE ? null : toWrapUp(i);
        });
    }

    /** Checks the agent has this contact active in hand (before a channel acts on it). */
    public void inHand(Agent agent, long interactionId) {
        call(() -> heldBy(agent, interactionId, InteractionState.ACTIVE));
    }

    private InteractionView toWrapUp(Interaction i) {
        ContactQueue q = i.routing().queueId() == null ? null : queues.get(i.routing().queueId());
        Instant now = clock.instant();
        Instant deadline = q == null ? now : now.plus(q.wrapUpTimeout());
        Interaction wrapping = i.inWrapUp(now, deadline);
        progress.interaction(wrapping);
        held.put(wrapping);
        refreshState(i.agentId());
        return publish(wrapping);
    }

    /**
     * The customer hung up while waiting (or while offered): the contact leaves routing as
     * abandoned, its time in the queue kept. Returns it, or null when it was no longer waiting.
     */
    private InteractionView abandonNow(long interactionId) {
        Interaction i = routed.remove(interactionId);
        if (i == null) {
            return null;
        }
        pops.remove(interactionId);
        apply(router.withdraw(interactionId));
        cluster.left(interactionId);
        Interaction gone = i.finished(InteractionState.ABANDONED, clock.instant(), i.routing());
        progress.interaction(gone);
        publishLeft(i, "abandoned");
        return views.interaction(gone);
    }

    /**
     * The agent accepted but the contact could not reach them (their phone did not answer): it
     * waits again in its place for another agent, and the agent is made not ready ("Phone
     * unavailable") so calls stop coming to a phone that cannot take them. The agent hears of it on
     * the stream and makes themselves ready again when their phone works.
     */
    public void bounce(long interactionId, ScreenPop pop) {
        call(() -> {
            Interaction i = held.get(interactionId);
            if (i == null || i.state() != InteractionState.ACTIVE) {
                return null;
            }
            long agentId = i.agentId();
            held.remove(interactionId);
            SignedIn s = signedIn.get(agentId);
            if (s != null) {
                s.ready = false;
                s.reason = PHONE_UNAVAILABLE;
                apply(router.setAvailable(agentId, false));
            }
            Routing r = i.routing();
            // a contact meant for this agent alone would wait for them forever: it goes to the queue
            Routing back = Long.valueOf(agentId).equals(r.targetAgentId())
                    ? r.inQueue(r.queueId(), r.priority(), r.queuedAt(), null) : r;
            Interaction queued = i.queued(back);
            progress.interaction(queued);
            announceWaiting(queued, agentId);
            routed.put(queued.id(), queued);
            if (pop != null) {
                pops.put(queued.id(), pop);
            }
            hub.publish(EventTypes.INTERACTION, new InteractionEvent(views.interaction(queued)), agentId);
            apply(router.bounce(contactOf(queued)));
            if (router.isWaiting(interactionId)) {
                publishQueue(queued, new QueueEvent(entry(queued, null)));
            }
            refreshState(agentId);
            return null;
        });
    }

    /** A contact the agent started themselves (an outbound call): held by them from the start. */
    public InteractionView startOwn(Agent agent, Interaction started) {
        return call(() -> {
            requireNotOnCall(agent.id());
            held.put(started);
            router.hold(started.id(), agent.id(), started.channel());
            refreshState(agent.id());
            return publish(started);
        });
    }

    /** Checks the agent may start a call now (not already on one). */
    public void checkFreeForCall(Agent agent) {
        call(() -> {
            requireNotOnCall(agent.id());
            return null;
        });
    }

    private void requireNotOnCall(long agentId) {
        for (Interaction mine : held.of(agentId)) {
            if (mine.channel() == Channel.PHONE && mine.state() == InteractionState.ACTIVE) {
                throw ApiProblem.conflict("on_a_call", "you are already on a call (interaction " + mine.id() + ")");
            }
        }
    }

    /**
     * The agent hands the contact to a colleague they consulted: it is the colleague's from now on,
     * holding their capacity, and leaves this agent without wrap-up.
     */
    public InteractionView handOver(Agent agent, long interactionId, long toAgentId) {
        return call(() -> {
            Interaction i = heldBy(agent, interactionId, InteractionState.ACTIVE);
            String who = held.who(interactionId);
            held.remove(interactionId);
            apply(router.release(interactionId));
            Interaction theirs = i.offeredTo(toAgentId).answered(i.answeredAt() != null ? i.answeredAt()
                    : clock.instant());
            progress.interaction(theirs);
            held.put(theirs);
            held.setWho(interactionId, who);
            router.hold(interactionId, toAgentId, theirs.channel());
            refreshState(agent.id());
            refreshState(toAgentId);
            InteractionView view = views.interaction(theirs);
            hub.publish(EventTypes.INTERACTION, new InteractionEvent(view), agent.id());
            return view;
        });
    }

    /** The agent handed the call to an outside number: the contact ends for them, without wrap-up. */
    public InteractionView transferOut(Agent agent, long interactionId, String number, String note) {
        return call(() -> {
            Interaction i = heldBy(agent, interactionId, InteractionState.ACTIVE);
            held.remove(interactionId);
            apply(router.release(interactionId));
            String notes = "Transferred to " + number + (note == null || note.isBlank() ? "" : ": " + note);
            Interaction done = i.finished(InteractionState.ENDED, clock.instant(), i.routing().wrappedUp(null, notes));
            progress.interaction(done);
            refreshState(agent.id());
            return publish(done);
        });
    }

    /** Whether the contact's queue requires a disposition in wrap-up. */
    public boolean wrapUpRequired(Interaction i) {
        ContactQueue q = i.routing().queueId() == null ? null : queues.get(i.routing().queueId());
        return q != null && q.wrapUpRequired();
    }

    /** The agent's interaction in wrap-up (for the wrap-up service to check before it writes). */
    public Interaction inWrapUp(Agent agent, long interactionId) {
        return call(() -> heldBy(agent, interactionId, InteractionState.WRAP_UP));
    }

    /** Ends wrap-up with what the agent recorded; the agent's capacity frees up. */
    public InteractionView finishWrapUp(Agent agent, long interactionId, String disposition, String notes) {
        return call(() -> {
            Interaction i = heldBy(agent, interactionId, InteractionState.WRAP_UP);
            return finish(i, disposition, notes);
        });
    }

    /** Hands an active contact to a queue or a named agent; it leaves this agent without wrap-up. */
    public InteractionView transfer(Agent agent, long interactionId, Long queueId, Long toAgentId, String note) {
        inHand(agent, interactionId);
        // the channel lets go first (the call leaves the agent's phone), so a next agent finds it free
        listeners.forEach(l -> l.transferred(interactionId));
        InteractionView result = call(() -> {
            Interaction i = heldBy(agent, interactionId, InteractionState.ACTIVE);
            long queue = queueId != null ? queue(queueId).id() : i.routing().queueId();
            held.remove(interactionId);
            apply(router.release(interactionId));
            Interaction moved = i.queued(i.routing().inQueue(queue, i.routing().priority(), clock.instant(), toAgentId)
                    .withTransferNote(note));
            progress.interaction(moved);
            refreshState(agent.id());
            announceWaiting(moved, agent.id());
            addToQueue(moved, null);
            return views.interaction(moved);
        });
        return result;
    }

    /**
     * A supervisor moves a contact that waits in a queue to another queue, or to a named agent (who
     * must then have the queue's skills), keeping its place in time; agents who could take it before
     * see it leave, those who can now see it arrive.
     */
    public InteractionView move(long interactionId, Long queueId, Long toAgentId) {
        return call(() -> {
            Interaction i = routed.get(interactionId);
            if (i == null) {
                throw ApiProblem.conflict("not_waiting", "interaction " + interactionId
                        + " is not waiting in a queue (it is with an agent, or finished)");
            }
            long queue = queueId != null ? queue(queueId).id() : i.routing().queueId();
            apply(router.withdraw(interactionId)); // an offer ringing at an agent is withdrawn
            routed.remove(interactionId);
            publishLeft(i, "moved");
            Interaction moved = i.queued(i.routing().inQueue(queue, i.routing().priority(), i.routing().queuedAt(),
                    toAgentId));
            progress.interaction(moved);
            announceWaiting(moved, i.agentId());
            addToQueue(moved, pops.remove(interactionId));
            return publish(moved);
        });
    }

    /**
     * Turns a waiting (or the agent's active) phone contact into a callback: with no time, it keeps
     * its place in the queue; with a time, it waits until then, for a queue or a named agent.
     */
    public InteractionView callback(Agent agent, long interactionId, String number, Instant at, Long queueId,
                                    Long toAgentId, String note) {
        InteractionView view = call(() -> {
            Interaction i = routed.get(interactionId);
            Long previousAgent = i != null ? i.agentId() : Long.valueOf(agent.id());
            if (i == null) {
                i = heldBy(agent, interactionId, InteractionState.ACTIVE);
                held.remove(interactionId);
                apply(router.release(interactionId));
                refreshState(agent.id());
            } else {
                apply(router.withdraw(interactionId));
                routed.remove(interactionId);
            }
            long queue = queueId != null ? queue(queueId).id() : i.routing().queueId();
            Instant place = at == null ? i.routing().queuedAt() : at;
            Routing routing = i.routing().inQueue(queue, i.routing().priority(), place, toAgentId)
                    .withCallback(number, at).withTransferNote(note != null ? note : i.routing().transferNote());
            Interaction callback = i.queued(routing);
            if (at != null && at.isAfter(clock.instant())) {
                Interaction later = callback.withState(InteractionState.SCHEDULED);
                progress.interaction(later);
                scheduled.put(interactionId, later);
                cluster.left(interactionId);
                publishLeft(i, "scheduled");
                return publish(later);
            }
            progress.interaction(callback);
            announceWaiting(callback, previousAgent);
            addToQueue(callback, pops.remove(interactionId));
            return views.interaction(callback);
        });
        // the customer will be called back: a call still up (waiting or with the agent) is hung up
        listeners.forEach(l -> l.ended(interactionId));
        return view;
    }

    /** A stored callback scheduled for later (or now) joins the schedule. */
    public void schedule(Interaction callback) {
        call(() -> {
            if (callback.state() == InteractionState.SCHEDULED) {
                scheduled.put(callback.id(), callback);
                publish(callback);
            } else {
                announceWaiting(callback, null);
                addToQueue(callback, null);
            }
            return null;
        });
    }

    /**
     * Checks that the agent may say whose contact this is: it is offered to them or with them (or
     * they supervise); a contact no longer in routing, only if they handled it.
     */
    public void checkCanLink(Agent agent, boolean supervisor, Interaction stored) {
        call(() -> {
            if (supervisor) {
                return null;
            }
            long id = stored.id();
            boolean offeredToThem = routed.containsKey(id) && router.offeredTo(id).filter(a -> a == agent.id()).isPresent();
            Interaction mine = held.get(id);
            boolean inRouting = routed.containsKey(id) || held.contains(id) || scheduled.containsKey(id);
            boolean handledByThem = !inRouting && Long.valueOf(agent.id()).equals(stored.agentId());
            if (!offeredToThem && !(mine != null && Long.valueOf(agent.id()).equals(mine.agentId())) && !handledByThem) {
                throw new ApiProblem(403, "not_yours", "interaction " + id + " is not offered to you or with you",
                        null);
            }
            return null;
        });
    }

    /** The interaction now belongs to this customer: routing's copies and its screen-pop follow. */
    public void linked(long interactionId, long customerId, ScreenPop pop) {
        call(() -> {
            routed.computeIfPresent(interactionId, (k, i) -> i.withCustomer(customerId));
            Interaction h = held.get(interactionId);
            if (h != null) {
                held.put(h.withCustomer(customerId));
                held.setWho(interactionId, pop == null || pop.customer() == null ? null : pop.customer().displayName());
            }
            scheduled.computeIfPresent(interactionId, (k, i) -> i.withCustomer(customerId));
            if (routed.containsKey(interactionId)) {
                pops.put(interactionId, pop);
            }
            return null;
        });
    }

    /**
     * The waiting contacts this agent's skills reach, most urgent first. For supervisors: every
     * contact not answered yet, in every queue, those being offered included (with whom to): the
     * customer still waits.
     */
    public List<QueueEntryView> waitingFor(long agentId, boolean all) {
        return call(() -> {
            if (all) {
                return router.queuedByUrgency().stream().map(c -> entry(routed.get(c.interactionId()),
                        router.offeredTo(c.interactionId()).orElse(null))).toList();
            }
            SignedIn s = signedIn.get(agentId);
            List<QueueEntryView> out = new ArrayList<>();
            for (Router.Contact c : router.waitingByUrgency()) {
                ContactQueue q = queues.get(c.queueId());
                boolean reachable = s != null && s.skills.keySet().containsAll(q.requiredSkills())
                        && (c.targetAgentId() == null || c.targetAgentId() == agentId);
                if (reachable) {
                    out.add(entry(routed.get(c.interactionId()), null));
                }
            }
            return out;
        });
    }

    /**
     * A queue added or changed by an administrator: routing uses it at the next decision (which
     * agents are skilled for it, its priority, threshold and offer timeout), and the waiting contacts
     * of a changed queue are shown again with its new name. In a cluster the other nodes are told.
     */
    public ContactQueue defineQueue(ContactQueue q) {
        return call(() -> {
            define(q);
            cluster.queueChanged(q.id());
            return q;
        });
    }

    /** A queue added or changed on another node, as stored: as {@link #defineQueue}, without telling anyone. */
    public void queueChangedElsewhere(ContactQueue q) {
        call(() -> {
            define(q);
            return null;
        });
    }

    private void define(ContactQueue q) {
        boolean known = queues.containsKey(q.id());
        queues.put(q.id(), q);
        views.queue(q);
        router.defineQueue(new Router.QueueRule(q.id(), q.priority(), q.slThreshold(), q.requiredSkills(),
                q.offerTimeout()));
        if (known) {
            republishWaiting(q.id());
        }
    }

    /**
     * Changes a queue's priority for routing at once (the caller keeps it): the contacts waiting in it
     * are announced again with their new priority, so merged queue views re-sort. Returns the queue.
     */
    public ContactQueue setQueuePriority(long queueId, int priority) {
        return call(() -> {
            ContactQueue q = queue(queueId);
            ContactQueue changed = new ContactQueue(q.id(), q.name(), q.requiredSkills(), priority, q.slPercent(),
                    q.slThreshold(), q.offerTimeout(), q.wrapUpRequired(), q.wrapUpTimeout());
            router.setQueuePriority(queueId, priority);
            queues.put(queueId, changed);
            republishWaiting(queueId);
            cluster.queueChanged(queueId);
            return changed;
        });
    }

    /** Tells the agents again about every contact waiting in a queue whose settings changed (on the loop). */
    private void republishWaiting(long queueId) {
        for (Router.Contact c : router.queuedByUrgency()) {
            Interaction i = routed.get(c.interactionId());
            if (c.queueId() == queueId && i != null) {
                publishQueue(i, new QueueEvent(entry(i, router.offeredTo(i.id()).orElse(null))));
            }
        }
    }

    /** Every signed-in agent's contact in hand and queues, by agent, in one look (the supervisor's grid). */
    public Map<Long, AgentAtWork> atWork() {
        return call(() -> {
            Map<Long, AgentAtWork> out = new HashMap<>(signedIn.size() * 2);
            for (long agentId : signedIn.keySet()) {
                out.put(agentId, AgentAtWork.of(held.of(agentId), this::heldWho, router.queuesOf(agentId)));
            }
            return out;
        });
    }

    /** The agent's contacts in hand now, oldest first (what a desktop restores after signing in again). */
    public List<Interaction> activeWork(long agentId) {
        return call(() -> held.of(agentId).stream()
                .sorted(Comparator.comparing(Interaction::createdAt))
                .toList());
    }

    /** The wire view of an interaction. */
    public InteractionView view(Interaction i) {
        return views.interaction(i);
    }

    public int waitingCount() {
        return call(router::waitingCount);
    }

    // ---- on the loop thread

    private void tick() {
        apply(router.tick());
        Instant now = clock.instant();
        for (Interaction i : held.all()) {
            Instant deadline = i.routing().wrapUpDeadline();
            if (i.state() == InteractionState.WRAP_UP && deadline != null && !deadline.isAfter(now)
                    && !wrapUpRequired(i)) {
                finish(i, null, null);
            }
        }
        for (Interaction i : List.copyOf(scheduled.values())) {
            Instant due = i.routing().dueAt();
            if (due == null || !due.isAfter(now)) {
                scheduled.remove(i.id());
                Interaction queued = i.queued(i.routing());
                progress.interaction(queued);
                if (announceWaiting(queued, null)) {
                    addToQueue(queued, null);
                }
            }
        }
    }

    private Interaction heldBy(Agent agent, long interactionId, InteractionState wanted) {
        Interaction i = held.get(interactionId);
        if (i == null || !Long.valueOf(agent.id()).equals(i.agentId())) {
            throw ApiProblem.conflict("not_yours", "interaction " + interactionId + " is not with you");
        }
        if (i.state() != wanted) {
            throw ApiProblem.conflict("wrong_state", "interaction " + interactionId + " is "
                    + i.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ", not "
                    + wanted.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return i;
    }

    private InteractionView finish(Interaction i, String disposition, String notes) {
        Interaction ended = i.finished(InteractionState.ENDED, clock.instant(), i.routing().wrappedUp(disposition, notes));
        progress.interaction(ended);
        held.remove(i.id());
        apply(router.release(i.id()));
        refreshState(i.agentId());
        return publish(ended);
    }

    private void addToQueue(Interaction i, ScreenPop pop) {
        routed.put(i.id(), i);
        if (pop != null) {
            pops.put(i.id(), pop);
        }
        apply(router.enqueue(contactOf(i)));
        if (router.isWaiting(i.id())) {
            publishQueue(i, new QueueEvent(entry(i, null)));
        }
    }

    private static Router.Contact contactOf(Interaction i) {
        Routing r = i.routing();
        return new Router.Contact(i.id(), r.queueId(), i.channel(), r.priority(),
                r.queuedAt() != null ? r.queuedAt() : i.createdAt(), r.targetAgentId());
    }

    /** Recomputes the agent's shown state from their choice and their work. */
    private void refreshState(Long agentId) {
        SignedIn s = agentId == null ? null : signedIn.get(agentId);
        if (s == null) {
            return;
        }
        boolean wrapping = false;
        boolean working = false;
        for (Interaction i : held.of(agentId)) {
            wrapping |= i.state() == InteractionState.WRAP_UP;
            working |= i.state() == InteractionState.ACTIVE;
        }
        // contacts still being worked count first: an agent wrapping up one chat while answering two
        // others is busy; wrap-up shows once only after-contact work is left
        AgentState state = working ? AgentState.BUSY : wrapping ? AgentState.WRAP_UP
                : s.ready ? AgentState.READY : AgentState.NOT_READY;
        presence.set(s.agent, state, s.ready ? null : s.reason);
    }

    /** Queue news goes to the agents who may take from that queue (and supervisors), not to everyone. */
    private void publishQueue(Interaction i, QueueEvent event) {
        Long target = i.routing().targetAgentId();
        hub.publish(EventTypes.QUEUE, event, target != null ? java.util.Set.of(target)
                : router.skilledFor(i.routing().queueId()));
    }

    private void publishLeft(Interaction i, String reason) {
        Long target = i.routing().targetAgentId();
        hub.publish(EventTypes.QUEUE_LEFT, new QueueLeftEvent(i.id(), reason), target != null ? java.util.Set.of(target)
                : router.skilledFor(i.routing().queueId()));
    }

    private InteractionView publish(Interaction i) {
        InteractionView view = views.interaction(i);
        hub.publish(EventTypes.INTERACTION, new InteractionEvent(view), i.agentId());
        return view;
    }

    /** Who a held contact is with: as its screen-pop said when taken, or else its address. */
    private String heldWho(Interaction i) {
        String who = held.who(i.id());
        return who != null ? who : who(i);
    }

    /** Who a contact is with: the customer's name from its screen-pop, or else its address. */
    private String who(Interaction i) {
        ScreenPop pop = pops.get(i.id());
        return pop != null && pop.customer() != null ? pop.customer().displayName()
                : views.display(i.channel().addressKind(), i.address());
    }

    private QueueEntryView entry(Interaction i, Long offeredTo) {
        ContactQueue q = queues.get(i.routing().queueId());
        return new QueueEntryView(i.id(), i.channel(), who(i), i.subject(), q.id(), q.name(),
                q.priority() + i.routing().priority(), i.routing().queuedAt() != null ? i.routing().queuedAt()
                : i.createdAt(), (int) q.slThreshold().toSeconds(), i.routing().callbackNumber() != null,
                i.routing().targetAgentId(), offeredTo);
    }

    /**
     * Carries out the router's decisions, each on its own: one that fails (the database hiccups)
     * is logged and the others still happen, so routing and what agents see stay in step.
     */
    private void apply(List<Decision> decisions) {
        for (Decision d : decisions) {
            try {
                if (d instanceof Decision.Offer o) {
                    offer(o);
                } else if (d instanceof Decision.Revoke r) {
                    revoke(r);
                } else if (d instanceof Decision.AgentNoAnswer n) {
                    SignedIn s = signedIn.get(n.agentId());
                    if (s != null) {
                        s.ready = false;
                        s.reason = NO_ANSWER;
                        refreshState(n.agentId());
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("could not carry out {}", d, e);
            }
        }
    }

    private void offer(Decision.Offer o) {
        Interaction i = routed.get(o.interactionId());
        Interaction offered = i.offeredTo(o.agentId());
        if (!cluster.claim(offered)) {
            lostClaim(o);
            return;
        }
        routed.put(i.id(), offered);
        progress.interaction(offered);
        InteractionView view = views.interaction(offered);
        ScreenPop pop = pops.get(i.id());
        if (pop == null && cluster.shared()) {
            pop = cluster.popOf(i);
            if (pop != null) {
                pops.put(i.id(), pop);
            }
        }
        if (pop == null) {
            pop = new ScreenPop(view, null, null, List.of(), List.of(), List.of());
        }
        hub.publish(EventTypes.OFFER, new OfferEvent(i.id(), o.agentId(), o.offeredAt(), o.expiresAt(),
                ScreenPopBuilder.withInteraction(pop, view)), o.agentId());
        publishQueue(offered, new QueueEvent(entry(offered, o.agentId())));
    }

    /**
     * Another node claimed the contact first: the offer was never made, so the agent hears nothing;
     * the contact leaves this node's router and the agent may be offered something else.
     */
    private void lostClaim(Decision.Offer o) {
        Interaction i = routed.remove(o.interactionId());
        pops.remove(o.interactionId());
        List<Decision> next = new ArrayList<>();
        for (Decision d : router.withdraw(o.interactionId())) {
            if (!(d instanceof Decision.Revoke r && r.interactionId() == o.interactionId())) {
                next.add(d);
            }
        }
        if (i != null) {
            publishLeft(i, "answered");
        }
        apply(next);
    }

    /** In a cluster: the row says the contact waits and the other nodes hear of it, before anyone here is told. */
    private boolean announceWaiting(Interaction queued, Long previousAgent) {
        return !cluster.shared() || progress.exclusive(queued.id(), () -> cluster.waiting(queued, previousAgent));
    }

    private void revoke(Decision.Revoke r) {
        Interaction i = routed.get(r.interactionId());
        if (i != null && router.isWaiting(r.interactionId())) {
            Interaction queued = i.queued(i.routing());
            progress.interaction(queued);
            announceWaiting(queued, r.agentId());
            routed.put(i.id(), queued);
            publishQueue(queued, new QueueEvent(entry(queued, null)));
        }
        hub.publish(EventTypes.OFFER_REVOKED,
                new OfferRevokedEvent(r.interactionId(), r.agentId(), r.reason().name()), r.agentId());
    }

    private <T> T call(Callable<T> work) {
        Future<T> f = loop.submit(work);
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("work distributor did not answer in time", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("work distributor step failed", e);
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
