package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.OfferRevokedEvent;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Dispatcher;
import dev.switchboard.store.InteractionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Hands queued contacts to agents: runs the {@link Dispatcher} on one thread of its own, carries out
 * its decisions (store the state, publish the offer with its screen-pop), and takes the agents'
 * answers (accept, reject, end) and state changes in the same thread, so an offer and its timeout
 * can never race.
 */
public final class WorkDistributor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkDistributor.class);

    private final Dispatcher dispatcher;
    private final InteractionStore interactions;
    private final AgentPresence presence;
    private final EventHub hub;
    private final Views views;
    private final Clock clock;
    private final ScheduledExecutorService loop;

    // confined to the loop thread
    private final Map<Long, Interaction> waiting = new HashMap<>();
    private final Map<Long, ScreenPop> pops = new HashMap<>();
    private final Map<Long, Interaction> active = new HashMap<>();
    private final Map<Long, Agent> signedIn = new HashMap<>();
    private final Set<Long> notReadyAfterWork = new HashSet<>();

    public WorkDistributor(Dispatcher dispatcher, InteractionStore interactions, AgentPresence presence, EventHub hub,
                           Views views, Clock clock) {
        this.dispatcher = dispatcher;
        this.interactions = interactions;
        this.presence = presence;
        this.hub = hub;
        this.views = views;
        this.clock = clock;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "work-distributor");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(() -> guarded(() -> apply(dispatcher.tick())), 200, 200, TimeUnit.MILLISECONDS);
    }

    /**
     * Picks up what a previous run left: queued and offered contacts wait again in their place;
     * active ones stay with their agent until ended.
     */
    public void recover(List<Interaction> unfinished, Function<Interaction, ScreenPop> popOf) {
        call(() -> {
            for (Interaction i : unfinished) {
                if (i.state() == InteractionState.ACTIVE) {
                    active.put(i.id(), i);
                } else {
                    Interaction queued = new Interaction(i.id(), i.customerId(), i.channel(), i.direction(),
                            InteractionState.QUEUED, i.address(), i.subject(), i.body(), i.createdAt(), null, null, null);
                    if (i.state() != InteractionState.QUEUED) {
                        interactions.updateProgress(queued);
                    }
                    waiting.put(i.id(), queued);
                    pops.put(i.id(), popOf.apply(queued));
                    apply(dispatcher.enqueue(i.id(), i.createdAt()));
                }
            }
            return null;
        });
        LOG.info("recovered {} unfinished contacts", unfinished.size());
    }

    public void enqueue(Interaction interaction, ScreenPop pop) {
        call(() -> {
            waiting.put(interaction.id(), interaction);
            pops.put(interaction.id(), pop);
            apply(dispatcher.enqueue(interaction.id(), interaction.createdAt()));
            return null;
        });
    }

    /** An agent signed in; agents who take contacts start in {@code initial}. */
    public void signIn(Agent agent, AgentState initial) {
        call(() -> {
            signedIn.put(agent.id(), agent);
            boolean hasWork = active.values().stream().anyMatch(i -> Long.valueOf(agent.id()).equals(i.agentId()));
            AgentState state = hasWork ? AgentState.BUSY : initial;
            presence.set(agent, state);
            if (state == AgentState.READY) {
                apply(dispatcher.agentFree(agent.id(), level(agent)));
            }
            return null;
        });
    }

    public void signOut(Agent agent) {
        call(() -> {
            signedIn.remove(agent.id());
            notReadyAfterWork.remove(agent.id());
            presence.set(agent, AgentState.LOGGED_OUT);
            apply(dispatcher.agentGone(agent.id()));
            return null;
        });
    }

    /** READY or NOT_READY as the agent asks; while busy, NOT_READY takes effect when the work ends. */
    public AgentState setState(Agent agent, AgentState requested) {
        if (requested != AgentState.READY && requested != AgentState.NOT_READY) {
            throw ApiProblem.badRequest("state", "an agent can only ask for READY or NOT_READY");
        }
        return call(() -> {
            signedIn.put(agent.id(), agent);
            if (presence.stateOf(agent.id()) == AgentState.BUSY) {
                if (requested == AgentState.NOT_READY) {
                    notReadyAfterWork.add(agent.id());
                } else {
                    notReadyAfterWork.remove(agent.id());
                }
                return AgentState.BUSY;
            }
            presence.set(agent, requested);
            apply(requested == AgentState.READY ? dispatcher.agentFree(agent.id(), level(agent))
                    : dispatcher.agentGone(agent.id()));
            return requested;
        });
    }

    public AgentState stateOf(long agentId) {
        return presence.stateOf(agentId);
    }

    public InteractionView accept(Agent agent, long interactionId) {
        return call(() -> {
            Interaction i = waiting.get(interactionId);
            if (i == null || !dispatcher.accept(interactionId, agent.id())) {
                throw ApiProblem.conflict("offer_gone",
                        "interaction " + interactionId + " is not offered to you (it timed out or went elsewhere)");
            }
            waiting.remove(interactionId);
            pops.remove(interactionId);
            Interaction accepted = new Interaction(i.id(), i.customerId(), i.channel(), i.direction(),
                    InteractionState.ACTIVE, i.address(), i.subject(), i.body(), i.createdAt(), clock.instant(), null,
                    agent.id());
            interactions.updateProgress(accepted);
            Interaction stored = interactions.find(interactionId).orElse(accepted);
            active.put(interactionId, stored);
            presence.set(agent, AgentState.BUSY);
            return publish(stored);
        });
    }

    public InteractionView reject(Agent agent, long interactionId) {
        return call(() -> {
            Interaction i = waiting.get(interactionId);
            if (i == null || dispatcher.offeredTo(interactionId).filter(a -> a == agent.id()).isEmpty()) {
                throw ApiProblem.conflict("offer_gone", "interaction " + interactionId + " is not offered to you");
            }
            apply(dispatcher.reject(interactionId, agent.id()));
            return views.interaction(waiting.getOrDefault(interactionId, i));
        });
    }

    public InteractionView end(Agent agent, long interactionId) {
        return call(() -> {
            Interaction i = active.get(interactionId);
            if (i == null || !Long.valueOf(agent.id()).equals(i.agentId())) {
                throw ApiProblem.conflict("not_active", "interaction " + interactionId + " is not active with you");
            }
            active.remove(interactionId);
            Interaction ended = new Interaction(i.id(), i.customerId(), i.channel(), i.direction(), InteractionState.ENDED,
                    i.address(), i.subject(), i.body(), i.createdAt(), i.answeredAt(), clock.instant(), i.agentId());
            interactions.updateProgress(ended);
            InteractionView view = publish(interactions.find(interactionId).orElse(ended));
            boolean moreWork = active.values().stream().anyMatch(a -> Long.valueOf(agent.id()).equals(a.agentId()));
            if (!moreWork && signedIn.containsKey(agent.id())) {
                boolean rest = notReadyAfterWork.remove(agent.id());
                presence.set(agent, rest ? AgentState.NOT_READY : AgentState.READY);
                if (!rest) {
                    apply(dispatcher.agentFree(agent.id(), level(agent)));
                }
            }
            return view;
        });
    }

    /** The agent's interactions that are active now (what a desktop restores after signing in again). */
    public List<Interaction> activeWork(long agentId) {
        return call(() -> active.values().stream()
                .filter(i -> Long.valueOf(agentId).equals(i.agentId()))
                .sorted(java.util.Comparator.comparing(Interaction::createdAt))
                .toList());
    }

    public int waitingCount() {
        return call(dispatcher::waitingCount);
    }

    /**
     * People are offered contacts before simulated colleagues, who take what people cannot: the
     * demo's pops go to the person at the desktop first.
     */
    private static int level(Agent agent) {
        return agent.simulated() ? 1 : 2;
    }

    private InteractionView publish(Interaction i) {
        InteractionView view = views.interaction(i);
        hub.publish(EventTypes.INTERACTION, new InteractionEvent(view), i.agentId());
        return view;
    }

    private void apply(List<Decision> decisions) {
        for (Decision d : decisions) {
            if (d instanceof Decision.Offer o) {
                offer(o);
            } else if (d instanceof Decision.Revoke r) {
                revoke(r);
            } else if (d instanceof Decision.AgentNoAnswer n) {
                Agent agent = signedIn.get(n.agentId());
                if (agent != null) {
                    presence.set(agent, AgentState.NOT_READY);
                }
            }
        }
    }

    private void offer(Decision.Offer o) {
        Interaction i = waiting.get(o.interactionId());
        Interaction offered = new Interaction(i.id(), i.customerId(), i.channel(), i.direction(),
                InteractionState.OFFERED, i.address(), i.subject(), i.body(), i.createdAt(), null, null, o.agentId());
        interactions.updateProgress(offered);
        waiting.put(i.id(), offered);
        ScreenPop pop = ScreenPopBuilder.withInteraction(pops.get(i.id()), views.interaction(offered));
        hub.publish(EventTypes.OFFER, new OfferEvent(i.id(), o.agentId(), o.offeredAt(), o.expiresAt(), pop),
                o.agentId());
    }

    private void revoke(Decision.Revoke r) {
        Interaction i = waiting.get(r.interactionId());
        if (i != null) {
            Interaction queued = new Interaction(i.id(), i.customerId(), i.channel(), i.direction(),
                    InteractionState.QUEUED, i.address(), i.subject(), i.body(), i.createdAt(), null, null, null);
            interactions.updateProgress(queued);
            waiting.put(i.id(), queued);
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
