package dev.switchboard.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches waiting contacts to free agents: the contact waiting longest goes to the free agent with
 * the highest level (proficiency) who has been idle longest. An offer stands until accepted, rejected, or it times out; then the contact waits again
 * in its original place. A contact is never offered to two agents at once.
 *
 * <p>Pure and single-threaded: every call returns the decisions it took and nothing happens between
 * calls, so a test drives it with a fixed clock and no threads. The server confines it to one thread.
 */
public final class Dispatcher {
    private final Clock clock;
    private final Duration offerTimeout;

    /** Waiting contacts by id, with when they arrived (their place in the queue). */
    private final Map<Long, Waiting> waiting = new HashMap<>();
    /** Agents free to take a contact, with when they became idle. */
    private final Map<Long, Instant> freeAgents = new LinkedHashMap<>();
    /** Each agent's level: among free agents, a higher level is offered first. */
    private final Map<Long, Integer> levels = new HashMap<>();
    /** Standing offers by interaction id. */
    private final Map<Long, StandingOffer> offers = new HashMap<>();

    private record Waiting(long interactionId, Instant arrivedAt, Long lastDeclinedBy) {
    }

    private record StandingOffer(long interactionId, long agentId, Instant arrivedAt, Instant expiresAt) {
    }

    public Dispatcher(Clock clock, Duration offerTimeout) {
        this.clock = clock;
        this.offerTimeout = offerTimeout;
    }

    /** A new contact joins the queue ({@code arrivedAt} keeps its place across restarts). */
    public List<Decision> enqueue(long interactionId, Instant arrivedAt) {
        if (offers.containsKey(interactionId) || waiting.containsKey(interactionId)) {
            return List.of();
        }
        waiting.put(interactionId, new Waiting(interactionId, arrivedAt, null));
        return match();
    }

    /** The agent is ready and has no contact: they may be offered one. */
    public List<Decision> agentFree(long agentId) {
        return agentFree(agentId, levels.getOrDefault(agentId, 0));
    }

    /** As {@link #agentFree(long)}, with the agent's level (higher levels are offered first). */
    public List<Decision> agentFree(long agentId, int level) {
        levels.put(agentId, level);
        if (offers.values().stream().noneMatch(o -> o.agentId() == agentId)) {
            freeAgents.putIfAbsent(agentId, clock.instant());
        }
        return match();
    }

    /** The agent is no longer free (not ready, signed out): a standing offer to them is withdrawn. */
    public List<Decision> agentGone(long agentId) {
        freeAgents.remove(agentId);
        List<Decision> out = new ArrayList<>();
        offerTo(agentId).ifPresent(o -> {
            offers.remove(o.interactionId());
            waiting.put(o.interactionId(), new Waiting(o.interactionId(), o.arrivedAt(), agentId));
            out.add(new Decision.Revoke(o.interactionId(), agentId, RevokeReason.AGENT_UNAVAILABLE));
        });
        out.addAll(match());
        return out;
    }

    /**
     * The agent accepts the offer. Returns false (and changes nothing) when no such offer stands:
     * it expired, was withdrawn, or went to someone else.
     */
    public boolean accept(long interactionId, long agentId) {
        StandingOffer o = offers.get(interactionId);
        if (o == null || o.agentId() != agentId) {
            return false;
        }
        offers.remove(interactionId);
        return true;
    }

    /** The agent declines; the contact waits again in its place and goes to someone else if possible. */
    public List<Decision> reject(long interactionId, long agentId) {
        StandingOffer o = offers.get(interactionId);
        if (o == null || o.agentId() != agentId) {
            return List.of();
        }
        offers.remove(interactionId);
        waiting.put(interactionId, new Waiting(interactionId, o.arrivedAt(), agentId));
        freeAgents.put(agentId, clock.instant());
        List<Decision> out = new ArrayList<>();
        out.add(new Decision.Revoke(interactionId, agentId, RevokeReason.REJECTED));
        out.addAll(match());
        return out;
    }

    /** The contact leaves the queue (hung up, handled elsewhere); a standing offer is withdrawn. */
    public List<Decision> withdraw(long interactionId) {
        waiting.remove(interactionId);
        StandingOffer o = offers.remove(interactionId);
        if (o == null) {
            return List.of();
        }
        List<Decision> out = new ArrayList<>();
        out.add(new Decision.Revoke(interactionId, o.agentId(), RevokeReason.WITHDRAWN));
        freeAgents.put(o.agentId(), clock.instant());
        out.addAll(match());
        return out;
    }

    /** Expires offers whose time is up; call it often (the server does, a few times a second). */
    public List<Decision> tick() {
        Instant now = clock.instant();
        List<Decision> out = new ArrayList<>();
        List<StandingOffer> expired = offers.values().stream()
                .filter(o -> !o.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(StandingOffer::arrivedAt))
                .toList();
        for (StandingOffer o : expired) {
            offers.remove(o.interactionId());
            waiting.put(o.interactionId(), new Waiting(o.interactionId(), o.arrivedAt(), o.agentId()));
            out.add(new Decision.Revoke(o.interactionId(), o.agentId(), RevokeReason.TIMEOUT));
            out.add(new Decision.AgentNoAnswer(o.agentId()));
        }
        if (!expired.isEmpty()) {
            out.addAll(match());
        }
        return out;
    }

    public int waitingCount() {
        return waiting.size();
    }

    public boolean isWaiting(long interactionId) {
        return waiting.containsKey(interactionId);
    }

    public Optional<Long> offeredTo(long interactionId) {
        return Optional.ofNullable(offers.get(interactionId)).map(StandingOffer::agentId);
    }

    private Optional<StandingOffer> offerTo(long agentId) {
        return offers.values().stream().filter(o -> o.agentId() == agentId).findFirst();
    }

    private List<Decision> match() {
        List<Decision> out = new ArrayList<>();
        if (waiting.isEmpty() || freeAgents.isEmpty()) {
            return out;
        }
        List<Waiting> queue = waiting.values().stream()
                .sorted(Comparator.comparing(Waiting::arrivedAt).thenComparingLong(Waiting::interactionId))
                .toList();
        Instant now = clock.instant();
        for (Waiting w : queue) {
            Optional<Long> agent = longestIdle(w.lastDeclinedBy());
            if (agent.isEmpty()) {
                break;
            }
            long agentId = agent.get();
            freeAgents.remove(agentId);
            waiting.remove(w.interactionId());
            Instant expires = now.plus(offerTimeout);
            offers.put(w.interactionId(), new StandingOffer(w.interactionId(), agentId, w.arrivedAt(), expires));
            out.add(new Decision.Offer(w.interactionId(), agentId, now, expires));
        }
        return out;
    }

    /**
     * The free agent of the highest level idle longest, preferring anyone but the one who just
     * declined this contact.
     */
    private Optional<Long> longestIdle(Long avoid) {
        Comparator<Map.Entry<Long, Instant>> byIdle = Comparator
                .<Map.Entry<Long, Instant>>comparingInt(e -> -levels.getOrDefault(e.getKey(), 0))
                .thenComparing(Map.Entry.comparingByValue())
                .thenComparing(Map.Entry.comparingByKey());
        Optional<Long> other = freeAgents.entrySet().stream()
                .filter(e -> !e.getKey().equals(avoid))
                .min(byIdle).map(Map.Entry::getKey);
        return other.isPresent() ? other : freeAgents.entrySet().stream().min(byIdle).map(Map.Entry::getKey);
    }
}
