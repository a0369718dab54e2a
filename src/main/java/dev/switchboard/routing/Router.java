package dev.switchboard.routing;

import dev.switchboard.domain.Capacity;
import dev.switchboard.domain.Channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ACD: decides which waiting contact is offered to which agent.
 *
 * <ul>
 *   <li>Contacts are taken most urgent first: higher priority (the queue's plus the contact's), then
 *       the one that has used up most of its queue's service-level threshold, then the one that came
 *       first.</li>
 *   <li>A contact goes to an agent who is ready, has every skill its queue requires and has room for
 *       its channel ({@link Capacity}); among those, the best skilled for the queue, then the one
 *       idle longest (since their last offer, their last finished contact or becoming ready).</li>
 *   <li>An offer holds the agent's capacity until it is accepted, rejected or times out; then the
 *       contact waits again in its place. A contact is never offered to two agents at once. An agent
 *       who declined it (or let it ring out) is not offered it again for {@link #REOFFER_AFTER}.</li>
 *   <li>A contact transferred to a named agent waits for that agent only.</li>
 * </ul>
 *
 * <p>Pure and single-threaded: every call reads the clock it was given and returns the decisions it
 * took, so a test drives it with a hand-moved clock and no threads.
 */
public final class Router {
    /** How long an agent who declined a contact is spared it. */
    public static final Duration REOFFER_AFTER = Duration.ofSeconds(10);

    /** How a queue routes. */
    public record QueueRule(long queueId, int priority, Duration slThreshold, Set<String> requiredSkills,
                            Duration offerTimeout) {
        public QueueRule {
            requiredSkills = Set.copyOf(requiredSkills);
        }
    }

    /** A contact to route: its queue, channel, extra priority, when it joined the queue, and a named agent if any. */
    public record Contact(long interactionId, long queueId, Channel channel, int priority, Instant queuedAt,
                          Long targetAgentId) {
    }

    private static final Channel[] CHANNELS = Channel.values();

    private final Clock clock;
    private final Map<Long, QueueRule> queues = new HashMap<>();
    private final Map<Long, AgentSlot> agents = new HashMap<>();
    /** Per queue, the signed-in agents with every skill it requires: the only ones worth looking at. */
    private final Map<Long, List<AgentSlot>> skilled = new HashMap<>();
    /**
     * {@link #skilledFor} as last given, per queue: one set shared by every queue event until the
     * queue's skilled agents change (a sign-in, a sign-out, a queue defined), when all are dropped.
     */
    private final Map<Long, AgentIdSet> skilledIds = new HashMap<>();
    private final Map<Long, Waiting> waiting = new HashMap<>();
    /**
     * Waiting contacts per queue, in the queue's own order (priority, then arrival): within one queue
     * that is also the urgency order, whatever the time, so a freed agent looks only at the first
     * contacts of the queues they serve instead of every waiting contact.
     */
    private final Map<Long, java.util.TreeSet<Waiting>> byQueue = new HashMap<>();
    /** Waiting contacts meant for one named agent, by that agent. */
    private final Map<Long, List<Waiting>> byTarget = new HashMap<>();
    private final Map<Long, StandingOffer> offers = new HashMap<>();
    /** When someone's sparing of a contact ends, soonest first: the contacts worth another look on a tick. */
    private final java.util.PriorityQueue<Spared> sparingEnds = new java.util.PriorityQueue<>(
            Comparator.comparing(Spared::until));

    private record Spared(Instant until, long interactionId) {
    }

    /** Who declined which contact when (kept while the contact is routed). */
    private final Map<Long, Map<Long, Instant>> declines = new HashMap<>();
    /** Accepted contacts (working or in wrap-up): they hold their agent's capacity until released. */
    private final Map<Long, Held> held = new HashMap<>();

    /** A waiting contact and who declined it when. */
    private record Waiting(Contact contact, Map<Long, Instant> declined) {
        boolean sparing(long agentId, Instant now) {
            if (declined.isEmpty()) {
                return false; // most contacts: and no id boxed to find that out
            }
            Instant at = declined.get(agentId);
            return at != null && now.isBefore(at.plus(REOFFER_AFTER));
        }
    }

    private record StandingOffer(Contact contact, long agentId, Instant expiresAt) {
    }

    private record Held(long agentId, Channel channel) {
    }

    private static final class AgentSlot {
        final long id;
        final Map<String, Integer> skills;
        /** The queues whose required skills this agent has. */
        final List<Long> queues = new ArrayList<>();
        boolean available;
        Instant lastActivity;
        /** Contacts held and offered, by channel ordinal: what capacity is checked against. */
        private final int[] count = new int[CHANNELS.length];
        /** The capacity's maximum and weight by channel ordinal, read once: checked for every candidate. */
        private final int[] max = new int[CHANNELS.length];
        private final int[] weight = new int[CHANNELS.length];

        AgentSlot(long id, Map<String, Integer> skills, Capacity capacity, Instant now) {
            this.id = id;
            this.skills = Map.copyOf(skills);
            this.lastActivity = now;
            for (Channel ch : CHANNELS) {
                max[ch.ordinal()] = capacity.max().get(ch);
                weight[ch.ordinal()] = capacity.weight(ch);
            }
        }

        void add(Channel channel, int delta) {
            count[channel.ordinal()] += delta;
        }

        /** {@link Capacity#fits} for what this agent holds, on arrays: no map lookups, no boxing. */
        boolean fits(Channel channel) {
            int o = channel.ordinal();
            if (count[o] + 1 > max[o]) {
                return false;
            }
            int load = 0;
            for (int i = 0; i < count.length; i++) {
                if (count[i] > 0) {
                    load += count[i] * weight[i];
                }
            }
            return load + weight[o] <= Capacity.TOTAL;
        }
    }

    public Router(Clock clock) {
        this.clock = clock;
    }

    /** Adds or changes a queue. */
    public void defineQueue(QueueRule rule) {
        queues.put(rule.queueId(), rule);
        List<AgentSlot> list = new ArrayList<>();
        for (AgentSlot a : agents.values()) {
            a.queues.remove(rule.queueId());
            if (hasSkills(a, rule)) {
                list.add(a);
                a.queues.add(rule.queueId());
            }
        }
        skilled.put(rule.queueId(), list);
        skilledIds.clear();
        byQueue.computeIfAbsent(rule.queueId(), k -> new java.util.TreeSet<>(IN_QUEUE));
    }

    public Optional<QueueRule> queue(long queueId) {
        return Optional.ofNullable(queues.get(queueId));
    }

    /**
     * Changes a queue's priority; the next decision already uses it. Nothing needs sorting again: a
     * queue's own line ({@link #IN_QUEUE}) orders its contacts by their own priority and arrival,
     * which this does not change, and contacts of different queues are only compared by
     * {@link #urgency}, which reads the queues' priorities afresh at every decision.
     */
    public void setQueuePriority(long queueId, int priority) {
        QueueRule q = queues.get(queueId);
        if (q == null) {
            throw new IllegalArgumentException("unknown queue " + queueId);
        }
        queues.put(queueId, new QueueRule(queueId, priority, q.slThreshold(), q.requiredSkills(), q.offerTimeout()));
    }

    /** An agent signs in (not ready yet), with their skills and levels and their capacity. */
    public void signIn(long agentId, Map<String, Integer> skills, Capacity capacity) {
        AgentSlot old = agents.get(agentId);
        AgentSlot slot = new AgentSlot(agentId, skills, capacity, clock.instant());
        slot.available = old != null && old.available;
        for (Held h : held.values()) {
            if (h.agentId() == agentId) {
                slot.add(h.channel(), 1);
            }
        }
        for (StandingOffer o : offers.values()) {
            if (o.agentId() == agentId) {
                slot.add(o.contact().channel(), 1);
            }
        }
        agents.put(agentId, slot);
        skilledIds.clear();
        for (QueueRule q : queues.values()) {
            List<AgentSlot> list = skilled.get(q.queueId());
            if (old != null) {
                list.remove(old);
            }
            if (hasSkills(slot, q)) {
                list.add(slot);
                slot.queues.add(q.queueId());
            }
        }
    }

    /** The agent signs out: standing offers to them are withdrawn; what they hold stays theirs. */
    public List<Decision> signOut(long agentId) {
        List<Decision> out = setAvailable(agentId, false);
        agents.remove(agentId);
        skilled.values().forEach(list -> list.removeIf(x -> x.id == agentId));
        skilledIds.clear();
        return out;
    }

    /**
     * The agent becomes ready (and may be offered contacts) or not ready (standing offers to them are
     * withdrawn and go to others).
     */
    public List<Decision> setAvailable(long agentId, boolean available) {
        AgentSlot a = agents.get(agentId);
        List<Decision> out = new ArrayList<>();
        if (a == null || a.available == available) {
            return out;
        }
        a.available = available;
        if (available) {
            a.lastActivity = clock.instant();
            matchForAgent(a, out);
        } else {
            for (StandingOffer o : offersTo(agentId)) {
                removeOffer(o);
                out.add(new Decision.Revoke(o.contact().interactionId(), agentId, RevokeReason.AGENT_UNAVAILABLE));
                requeue(o.contact(), agentId, out);
            }
        }
        return out;
    }

    /** A contact already with an agent when routing starts (after a restart): it holds their capacity. */
    public void hold(long interactionId, long agentId, Channel channel) {
        if (held.put(interactionId, new Held(agentId, channel)) == null) {
            AgentSlot a = agents.get(agentId);
            if (a != null) {
                a.add(channel, 1);
            }
        }
    }

    /** A contact joins its queue. */
    public List<Decision> enqueue(Contact contact) {
        long id = contact.interactionId();
        if (!queues.containsKey(contact.queueId())) {
            throw new IllegalArgumentException("unknown queue " + contact.queueId());
        }
        if (waiting.containsKey(id) || offers.containsKey(id) || held.containsKey(id)) {
            return List.of();
        }
        List<Decision> out = new ArrayList<>();
        requeue(contact, null, out);
        return out;
    }

    /**
     * The agent accepts the offer; the contact now holds their capacity. False (and nothing changes)
     * when no such offer stands: it expired, was withdrawn, or went to someone else.
     */
    public boolean accept(long interactionId, long agentId) {
        StandingOffer o = offers.get(interactionId);
        if (o == null || o.agentId() != agentId) {
            return false;
        }
        offers.remove(interactionId);
        declines.remove(interactionId);
        held.put(interactionId, new Held(agentId, o.contact().channel()));
        return true;
    }

    /** The agent declines; the contact waits again in its place and goes to someone else if possible. */
    public List<Decision> reject(long interactionId, long agentId) {
        StandingOffer o = offers.get(interactionId);
        if (o == null || o.agentId() != agentId) {
            return List.of();
        }
        removeOffer(o);
        List<Decision> out = new ArrayList<>();
        out.add(new Decision.Revoke(interactionId, agentId, RevokeReason.REJECTED));
        requeue(o.contact(), agentId, out);
        AgentSlot a = agents.get(agentId);
        if (a != null) {
            matchForAgent(a, out);
        }
        return out;
    }

    /** The agent is done with the contact (wrap-up finished, transferred away): their capacity frees up. */
    public List<Decision> release(long interactionId) {
        Held h = held.remove(interactionId);
        List<Decision> out = new ArrayList<>();
        if (h != null) {
            AgentSlot a = agents.get(h.agentId());
            if (a != null) {
                a.add(h.channel(), -1);
                a.lastActivity = clock.instant();
                matchForAgent(a, out);
            }
        }
        return out;
    }

    /**
     * The agent accepted but the contact could not reach them (their phone did not answer): their
     * capacity frees up, and the contact waits again in its place, for someone else first.
     */
    public List<Decision> bounce(Contact contact) {
        Held h = held.remove(contact.interactionId());
        List<Decision> out = new ArrayList<>();
        if (h == null) {
            return out;
        }
        AgentSlot a = agents.get(h.agentId());
        if (a != null) {
            a.add(h.channel(), -1);
            a.lastActivity = clock.instant();
        }
        requeue(contact, h.agentId(), out);
        if (a != null) {
            matchForAgent(a, out);
        }
        return out;
    }

    /** The contact leaves routing (hung up, scheduled for later); a standing offer is withdrawn. */
    public List<Decision> withdraw(long interactionId) {
        removeWaiting(interactionId);
        declines.remove(interactionId);
        Held h = held.remove(interactionId);
        if (h != null && agents.containsKey(h.agentId())) {
            agents.get(h.agentId()).add(h.channel(), -1);
        }
        StandingOffer o = offers.get(interactionId);
        List<Decision> out = new ArrayList<>();
        if (o != null) {
            removeOffer(o);
            out.add(new Decision.Revoke(interactionId, o.agentId(), RevokeReason.WITHDRAWN));
            AgentSlot a = agents.get(o.agentId());
            if (a != null) {
                matchForAgent(a, out);
            }
        }
        return out;
    }

    /**
     * Expires offers whose time is up (the agent is made not ready: nobody is at that desk, so their
     * other standing offers are withdrawn too and go to others at once) and retries contacts that only
     * the agent who declined them could take. Call it often.
     */
    public List<Decision> tick() {
        Instant now = clock.instant();
        List<Decision> out = new ArrayList<>();
        List<StandingOffer> expired = offers.values().stream()
                .filter(o -> !o.expiresAt().isAfter(now))
                .sorted(Comparator.comparing((StandingOffer o) -> o.contact().queuedAt()))
                .toList();
        for (StandingOffer o : expired) {
            if (offers.get(o.contact().interactionId()) != o) {
                continue; // already withdrawn with an earlier one to the same agent
            }
            // nobody is at that desk: the agent's other offers go to others now, not when they run out too
            List<StandingOffer> alsoTheirs = offersTo(o.agentId()).stream().filter(x -> x != o).toList();
            removeOffer(o);
            out.add(new Decision.Revoke(o.contact().interactionId(), o.agentId(), RevokeReason.TIMEOUT));
            out.add(new Decision.AgentNoAnswer(o.agentId()));
            AgentSlot a = agents.get(o.agentId());
            if (a != null) {
                a.available = false;
            }
            for (StandingOffer x : alsoTheirs) {
                removeOffer(x);
                RevokeReason why = x.expiresAt().isAfter(now) ? RevokeReason.AGENT_UNAVAILABLE : RevokeReason.TIMEOUT;
                out.add(new Decision.Revoke(x.contact().interactionId(), x.agentId(), why));
            }
            requeue(o.contact(), o.agentId(), out);
            for (StandingOffer x : alsoTheirs) {
                requeue(x.contact(), x.agentId(), out);
            }
        }
        // a contact only some declined may be theirs again once their sparing ends
        while (!sparingEnds.isEmpty() && !sparingEnds.peek().until().isAfter(now)) {
            Waiting w = waiting.get(sparingEnds.poll().interactionId());
            if (w != null) {
                matchForContact(w, out);
            }
        }
        return out;
    }

    // ---- what the server shows

    /** The waiting contacts, most urgent first. */
    public List<Contact> waitingByUrgency() {
        Instant now = clock.instant();
        return waiting.values().stream().map(Waiting::contact).sorted(urgency(now)).toList();
    }

    /**
     * Every contact still waiting for an answer, most urgent first: those waiting in a queue and those
     * being offered to an agent (who to: {@link #offeredTo}).
     */
    public List<Contact> queuedByUrgency() {
        Instant now = clock.instant();
        List<Contact> all = new ArrayList<>(waiting.size() + offers.size());
        waiting.values().forEach(w -> all.add(w.contact()));
        offers.values().forEach(o -> all.add(o.contact()));
        all.sort(urgency(now));
        return all;
    }

    /** The queues whose required skills the signed-in agent has, by id; empty when they are not signed in. */
    public List<Long> queuesOf(long agentId) {
        AgentSlot a = agents.get(agentId);
        return a == null ? List.of() : a.queues.stream().sorted().toList();
    }

    /**
     * The signed-in agents with every skill the queue requires: who may see its waiting contacts.
     * Unchangeable, and the same set for every call until those agents change, so the events that
     * carry it as their audience share it.
     */
    public Set<Long> skilledFor(long queueId) {
        return skilledIds.computeIfAbsent(queueId, q -> {
            List<AgentSlot> list = skilled.getOrDefault(q, List.of());
            List<Long> ids = new ArrayList<>(list.size());
            for (AgentSlot a : list) {
                ids.add(a.id);
            }
            return AgentIdSet.of(ids);
        });
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

    /** Contacts held by (accepted by) the agent. */
    public long heldBy(long agentId) {
        return held.values().stream().filter(h -> h.agentId() == agentId).count();
    }

    // ---- matching

    private void requeue(Contact contact, Long declinedBy, List<Decision> out) {
        Map<Long, Instant> declined = new HashMap<>(declines.getOrDefault(contact.interactionId(), Map.of()));
        if (declinedBy != null) {
            declined.put(declinedBy, clock.instant());
            sparingEnds.add(new Spared(clock.instant().plus(REOFFER_AFTER), contact.interactionId()));
        }
        declines.put(contact.interactionId(), declined);
        Waiting w = new Waiting(contact, declined);
        addWaiting(w);
        matchForContact(w, out);
    }

    /**
     * A queue's own line. It must never read the queue's rule (only the contact's own fields), so a
     * change of the queue's priority leaves every line correctly sorted.
     */
    private static final Comparator<Waiting> IN_QUEUE = Comparator
            .<Waiting>comparingInt(w -> -w.contact().priority())
            .thenComparing(w -> w.contact().queuedAt())
            .thenComparingLong(w -> w.contact().interactionId());

    private void addWaiting(Waiting w) {
        Contact c = w.contact();
        waiting.put(c.interactionId(), w);
        if (c.targetAgentId() != null) {
            byTarget.computeIfAbsent(c.targetAgentId(), k -> new ArrayList<>()).add(w);
        } else {
            byQueue.get(c.queueId()).add(w);
        }
    }

    private void removeWaiting(long interactionId) {
        Waiting w = waiting.remove(interactionId);
        if (w == null) {
            return;
        }
        Contact c = w.contact();
        if (c.targetAgentId() != null) {
            List<Waiting> list = byTarget.get(c.targetAgentId());
            list.remove(w);
            if (list.isEmpty()) {
                byTarget.remove(c.targetAgentId());
            }
        } else {
            byQueue.get(c.queueId()).remove(w);
        }
    }

    /** Offers the contact to the best free agent who is not being spared it. */
    private void matchForContact(Waiting w, List<Decision> out) {
        Contact c = w.contact();
        QueueRule q = queues.get(c.queueId());
        Instant now = clock.instant();
        AgentSlot best = null;
        for (AgentSlot a : candidates(c)) {
            if (eligible(a, c, q) && !w.sparing(a.id, now) && (best == null || better(a, best, q))) {
                best = a;
            }
        }
        if (best != null) {
            offer(c, best, out);
        }
    }

    /**
     * While the agent has room, offers them the most urgent contact they can take: the first one
     * they may take in each queue they serve (and among those meant for them by name), compared.
     */
    private void matchForAgent(AgentSlot a, List<Decision> out) {
        while (a.available && !waiting.isEmpty()) {
            Instant now = clock.instant();
            Comparator<Contact> urgency = urgency(now);
            Waiting pick = null;
            for (Long queueId : a.queues) {
                Waiting first = firstTakeable(a, byQueue.get(queueId), now);
                if (first != null && (pick == null || urgency.compare(first.contact(), pick.contact()) < 0)) {
                    pick = first;
                }
            }
            Waiting mine = firstTakeable(a, byTarget.getOrDefault(a.id, List.of()), now);
            if (mine != null && (pick == null || urgency.compare(mine.contact(), pick.contact()) < 0)) {
                pick = mine;
            }
            if (pick == null) {
                return;
            }
            offer(pick.contact(), a, out);
        }
    }

    private Waiting firstTakeable(AgentSlot a, Iterable<Waiting> line, Instant now) {
        if (line == null) {
            return null;
        }
        boolean[] room = new boolean[CHANNELS.length];
        boolean any = false;
        for (Channel ch : CHANNELS) {
            room[ch.ordinal()] = a.fits(ch);
            any |= room[ch.ordinal()];
        }
        if (!any) {
            return null; // the agent is full
        }
        for (Waiting w : line) {
            Contact c = w.contact();
            if (room[c.channel().ordinal()] && !w.sparing(a.id, now) && eligible(a, c, queues.get(c.queueId()))) {
                return w;
            }
        }
        return null;
    }

    private Iterable<AgentSlot> candidates(Contact c) {
        if (c.targetAgentId() != null) {
            AgentSlot a = agents.get(c.targetAgentId());
            return a == null ? List.of() : List.of(a);
        }
        return skilled.getOrDefault(c.queueId(), List.of());
    }

    private boolean eligible(AgentSlot a, Contact c, QueueRule q) {
        if (!a.available || (c.targetAgentId() != null && c.targetAgentId() != a.id)) {
            return false;
        }
        // room first: it is arithmetic, and in a busy centre most agents have none
        return a.fits(c.channel()) && hasSkills(a, q);
    }

    private static boolean hasSkills(AgentSlot a, QueueRule q) {
        for (String skill : q.requiredSkills()) {
            if (a.skills.getOrDefault(skill, 0) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Better skilled for the queue first, then idle longer, then the lower id (so ties are stable). */
    private static boolean better(AgentSlot a, AgentSlot b, QueueRule q) {
        int sa = score(a, q);
        int sb = score(b, q);
        if (sa != sb) {
            return sa > sb;
        }
        int idle = a.lastActivity.compareTo(b.lastActivity);
        return idle != 0 ? idle < 0 : a.id < b.id;
    }

    private static int score(AgentSlot a, QueueRule q) {
        int s = 0;
        for (String skill : q.requiredSkills()) {
            s += a.skills.getOrDefault(skill, 0);
        }
        return s;
    }

    private void offer(Contact c, AgentSlot a, List<Decision> out) {
        Instant now = clock.instant();
        Instant expires = now.plus(queues.get(c.queueId()).offerTimeout());
        removeWaiting(c.interactionId());
        offers.put(c.interactionId(), new StandingOffer(c, a.id, expires));
        a.add(c.channel(), 1);
        a.lastActivity = now;
        out.add(new Decision.Offer(c.interactionId(), a.id, now, expires));
    }

    /** Removes a standing offer and the capacity it held. */
    private void removeOffer(StandingOffer o) {
        offers.remove(o.contact().interactionId());
        AgentSlot a = agents.get(o.agentId());
        if (a != null) {
            a.add(o.contact().channel(), -1);
        }
    }

    private List<StandingOffer> offersTo(long agentId) {
        return offers.values().stream().filter(o -> o.agentId() == agentId).toList();
    }

    /** Most urgent first: priority, then share of the service-level threshold used, then arrival. */
    private Comparator<Contact> urgency(Instant now) {
        return Comparator.<Contact>comparingInt(c -> -(queues.get(c.queueId()).priority() + c.priority()))
                .thenComparing(Comparator.<Contact>comparingDouble(c -> thresholdUsed(c, now)).reversed())
                .thenComparing(Contact::queuedAt)
                .thenComparingLong(Contact::interactionId);
    }

    private double thresholdUsed(Contact c, Instant now) {
        long threshold = Math.max(1, queues.get(c.queueId()).slThreshold().toMillis());
        return (double) Duration.between(c.queuedAt(), now).toMillis() / threshold;
    }
}
