package dev.switchboard.server.sim;

import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.server.ApiProblem;
import dev.switchboard.server.EventHub;
import dev.switchboard.server.Replies;
import dev.switchboard.server.RoutingService;
import dev.switchboard.server.Session;
import dev.switchboard.server.WorkDistributor;
import dev.switchboard.store.RoutingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The other agents of the demo centre: they sign in, answer what is offered to them after a couple
 * of seconds, handle it (voice 30 s, other channels 5 s), spend a few seconds in wrap-up giving a
 * disposition, and take the next one, so queues move and a person at the desktop shares the traffic
 * with colleagues.
 */
public final class SimulatedAgents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAgents.class);
    private static final List<String> DISPOSITIONS = List.of("RESOLVED", "RESOLVED", "INFO_GIVEN", "FOLLOW_UP");

    private final Map<Long, Agent> agents;
    private final WorkDistributor work;
    private final RoutingService routing;
    private final Replies replies;
    private final Duration handle;
    /**
     * Each step (accept, reply, end, wrap up) waits for the routing thread's answer, and thousands of
     * colleagues act at once: with too few threads they would end their contacts late, stay busy and
     * let the queues grow. One thread per 250 colleagues, 4 to 16.
     */
    private final ScheduledExecutorService timer;
    private final AutoCloseable subscription;

    /**
     * @param replies answers e-mails, chats and social messages once each (null: they are only handled)
     * @param handle how long each contact is handled; null: voice 30 s, others 5 s
     */
    public SimulatedAgents(List<Agent> simulated, RoutingStore config, WorkDistributor work, RoutingService routing,
                           EventHub hub, Replies replies, Duration handle) {
        this.handle = handle;
        this.timer = Executors.newScheduledThreadPool(Math.max(4, Math.min(16, simulated.size() / 250)), r -> {
            Thread t = new Thread(r, "simulated-agents");
            t.setDaemon(true);
            return t;
        });
        this.replies = replies;
        this.agents = simulated.stream().collect(Collectors.toMap(Agent::id, Function.identity()));
        this.work = work;
        this.routing = routing;
        // listen first: signing in offers waiting contacts at once
        // a tap, not a subscription: it sees every event, yet the hub does not take it for a supervisor
        // listening (who would have the dashboard computed for them every second) and delivers nothing to it
        this.subscription = hub.tap((type, payload) -> {
            try {
                if (EventTypes.OFFER.equals(type) && payload instanceof OfferEvent offer) {
                    Agent agent = agents.get(offer.agentId());
                    if (agent != null) {
                        answer(agent, offer);
                    }
                } else if (EventTypes.AGENT_STATE.equals(type) && payload instanceof AgentStateEvent state
                        && state.state() == AgentState.NOT_READY && agents.containsKey(state.agentId())) {
                    // a colleague who missed an offer comes back after a short break, as people do
                    Agent agent = agents.get(state.agentId());
                    timer.schedule(() -> ready(agent), 5, TimeUnit.SECONDS);
                }
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // stopping: the publisher (the routing thread among them) must not see it
            }
        });
        for (Agent a : simulated) {
            work.signIn(a, config.skills(a.id()), config.capacity(a.id()), true);
        }
        finishWhatTheyHeld(simulated);
    }

    /**
     * Contacts a colleague had in hand when the server stopped come back to them when it starts: they
     * end and wrap up those first, as a person signing in again would. Left alone they would hold the
     * colleague's capacity for good, and each restart of a demo or a benchmark's server would leave
     * fewer colleagues taking contacts.
     */
    private void finishWhatTheyHeld(List<Agent> simulated) {
        for (Agent a : simulated) {
            for (Interaction i : work.activeWork(a.id())) {
                long after = ThreadLocalRandom.current().nextLong(1000, 5000);
                if (i.state() == InteractionState.ACTIVE) {
                    timer.schedule(() -> end(a, i.id()), after, TimeUnit.MILLISECONDS);
                } else if (i.state() == InteractionState.WRAP_UP) {
                    timer.schedule(() -> wrapUp(a, i.id()), after, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private void answer(Agent agent, OfferEvent offer) {
        long ringMillis = ThreadLocalRandom.current().nextLong(800, 2500);
        Duration handle = this.handle != null ? this.handle
                : offer.pop().interaction().channel() == Channel.PHONE ? Duration.ofSeconds(30) : Duration.ofSeconds(5);
        timer.schedule(() -> {
            try {
                work.accept(agent, offer.interactionId());
                Channel channel = offer.pop().interaction().channel();
                if (replies != null && channel != Channel.PHONE) {
                    timer.schedule(() -> reply(agent, offer.interactionId()), handle.toMillis() / 3, TimeUnit.MILLISECONDS);
                }
                timer.schedule(() -> end(agent, offer.interactionId()), handle.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ApiProblem e) {
                LOG.debug("simulated agent {} missed offer {}: {}", agent.username(), offer.interactionId(), e.getMessage());
            }
        }, ringMillis, TimeUnit.MILLISECONDS);
    }

    private void reply(Agent agent, long interactionId) {
        String first = agent.displayName().split(" ")[0];
        try {
            replies.send(new Session("simulated", agent), interactionId, new SendMessageRequest(
                    "sim-" + UUID.randomUUID(), "Thank you for getting in touch. I have looked into this and sorted it out"
                    + " for you; you will get a confirmation shortly.\n\n" + first));
        } catch (RuntimeException e) {
            LOG.debug("simulated agent {} could not answer {}: {}", agent.username(), interactionId, e.getMessage());
        }
    }

    private void ready(Agent agent) {
        try {
            work.setState(agent, AgentState.READY, null);
        } catch (RuntimeException e) {
            LOG.debug("simulated agent {} could not become ready: {}", agent.username(), e.getMessage());
        }
    }

    private void end(Agent agent, long interactionId) {
        try {
            work.end(agent, interactionId);
            long wrapMillis = ThreadLocalRandom.current().nextLong(1500, 4000);
            timer.schedule(() -> wrapUp(agent, interactionId), wrapMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.debug("simulated agent {} could not end {}: {}", agent.username(), interactionId, e.getMessage());
        }
    }

    private void wrapUp(Agent agent, long interactionId) {
        String disposition = DISPOSITIONS.get(ThreadLocalRandom.current().nextInt(DISPOSITIONS.size()));
        try {
            routing.wrapUp(agent, interactionId, new WrapUpRequest(disposition, null, null));
        } catch (RuntimeException e) {
            LOG.debug("simulated agent {} could not wrap up {}: {}", agent.username(), interactionId, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribing simulated agents failed", e);
        }
        timer.shutdownNow();
    }
}
