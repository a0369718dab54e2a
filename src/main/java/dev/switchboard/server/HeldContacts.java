package dev.switchboard.server;

import dev.switchboard.domain.Interaction;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contacts in agents' hands (accepted: being worked or in wrap-up), by interaction and by agent,
 * so an agent's state is worked out from theirs alone; and who each is with (the customer's name,
 * or the address), kept from the screen-pop that is let go when the contact is taken. Confined to
 * the distributor's thread.
 */
final class HeldContacts {
    private final Map<Long, Interaction> byId = new HashMap<>();
    private final Map<Long, Map<Long, Interaction>> byAgent = new HashMap<>();
    private final Map<Long, String> who = new HashMap<>();

    Interaction get(long interactionId) {
        return byId.get(interactionId);
    }

    boolean contains(long interactionId) {
        return byId.containsKey(interactionId);
    }

    /** Every held contact, as a copy (safe to change the held ones while going through it). */
    List<Interaction> all() {
        return List.copyOf(byId.values());
    }

    /** The agent's held contacts. */
    Collection<Interaction> of(long agentId) {
        return byAgent.getOrDefault(agentId, Map.of()).values();
    }

    /** Holds the contact, or its newer state; it moves to another agent's hand if its agent changed. */
    void put(Interaction i) {
        Interaction old = byId.put(i.id(), i);
        if (old != null && !Objects.equals(old.agentId(), i.agentId())) {
            removeFromAgent(old);
        }
        byAgent.computeIfAbsent(i.agentId(), k -> new HashMap<>()).put(i.id(), i);
    }

    /** The contact leaves the agent's hand (and who it was with is forgotten). */
    void remove(long interactionId) {
        who.remove(interactionId);
        Interaction old = byId.remove(interactionId);
        if (old != null) {
            removeFromAgent(old);
        }
    }

    /** Who the held contact is with; null when not known (then its address says it). */
    String who(long interactionId) {
        return who.get(interactionId);
    }

    void setWho(long interactionId, String name) {
        if (name != null && byId.containsKey(interactionId)) {
            who.put(interactionId, name);
        }
    }

    private void removeFromAgent(Interaction i) {
        Map<Long, Interaction> mine = byAgent.get(i.agentId());
        if (mine != null) {
            mine.remove(i.id());
            if (mine.isEmpty()) {
                byAgent.remove(i.agentId());
            }
        }
    }
}
