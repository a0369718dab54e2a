package dev.switchboard.channels.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where each agent's phone can be reached: the Contact of its last REGISTER, until it expires. */
public final class Registrar {
    /** One phone's registration. */
    public record Binding(String username, String contact, Instant expiresAt) {
    }

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final Clock clock;

    public Registrar(Clock clock) {
        this.clock = clock;
    }

    /** The phone's live binding, if it registered and has not expired or unregistered. */
    public Optional<Binding> find(String username) {
        Binding b = bindings.get(username);
        if (b == null) {
            return Optional.empty();
        }
        if (!b.expiresAt().isAfter(clock.instant())) {
            bindings.remove(username, b);
            return Optional.empty();
        }
        return Optional.of(b);
    }

    /** Records a registration; returns the previous live one (empty if the phone is new or had expired). */
    Optional<Binding> put(String username, String contact, long seconds) {
        Optional<Binding> before = find(username);
        bindings.put(username, new Binding(username, contact, clock.instant().plusSeconds(seconds)));
        return before;
    }

    /** Removes the phone's binding; returns it if it was live. */
    Optional<Binding> remove(String username) {
        Optional<Binding> before = find(username);
        bindings.remove(username);
        return before;
    }
}
