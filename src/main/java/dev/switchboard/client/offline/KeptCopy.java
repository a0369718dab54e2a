package dev.switchboard.client.offline;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.outbox.OutboxEntry;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the desktop keeps of what it has seen, in the signed-in agent's {@link LocalCache}: screen-pops,
 * contacts, tickets (and, in memory, each ticket as the agent saw it at each version), customers, and
 * the server's answers to writes sent from the outbox. Keeping never fails a caller: a copy that cannot
 * be written is logged and the desktop goes on.
 */
final class KeptCopy {
    static final Pattern TICKET_PATH = Pattern.compile("^/api/v1/tickets/(-?\\d+)(/notes)?$");
    static final Pattern INTERACTION_PATH = Pattern.compile("^/api/v1/interactions/(-?\\d+)/(wrap-up|end|customer)$");
    private static final System.Logger LOG = System.getLogger(KeptCopy.class.getName());

    private final Supplier<Profile> profile;
    private final ObjectMapper json;
    private final TicketHistory history = new TicketHistory();

    KeptCopy(Supplier<Profile> profile, ObjectMapper json) {
        this.profile = profile;
        this.json = json;
    }

    /** The signed-in agent's copy; throws when nobody is signed in. */
    LocalCache cache() {
        Profile p = profile.get();
        if (p == null) {
            throw new IllegalStateException("no agent is signed in");
        }
        return p.cache();
    }

    boolean held() {
        return profile.get() != null;
    }

    /** Runs {@code r} against the copy, if there is one; a failure is logged, never thrown. */
    void keep(Runnable r) {
        if (profile.get() == null) {
            return;
        }
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep a copy for working offline: " + e.getMessage());
        }
    }

    void remember(ScreenPop pop) {
        keep(() -> {
            remember(pop.interaction());
            if (pop.customer() != null) {
                cache().putCustomer(pop.customer());
            }
            if (pop.candidates() != null) {
                pop.candidates().forEach(cache()::putCustomer);
            }
            if (pop.openTickets() != null) {
                pop.openTickets().forEach(this::remember);
            }
            if (pop.recent() != null) {
                pop.recent().forEach(this::remember);
            }
        });
    }

    void remember(InteractionView i) {
        keep(() -> cache().put(LocalCache.INTERACTION, i.id(), i, i.customerId(), null, null));
    }

    void remember(TicketView t) {
        history.put(t);
        keep(() -> cache().put(LocalCache.TICKET, t.id(), t, t.customerId(), null, t.version()));
    }

    void remember(CustomerSummary c) {
        keep(() -> cache().putCustomer(c));
    }

    InteractionView remembered(InteractionView i) {
        remember(i);
        return i;
    }

    /** Keeps a ticket from the stream only when the desktop holds its customer or the ticket. */
    void rememberIfHeld(TicketView t) {
        keep(() -> {
            if (cache().get(LocalCache.CUSTOMER, t.customerId(), CustomerSummary.class).isPresent()
                    || cache().get(LocalCache.TICKET, t.id(), TicketView.class).isPresent()) {
                remember(t);
            }
        });
    }

    Optional<InteractionView> interaction(long id) {
        return held() ? cache().get(LocalCache.INTERACTION, id, InteractionView.class) : Optional.empty();
    }

    Optional<TicketView> ticket(long id) {
        return held() ? cache().get(LocalCache.TICKET, id, TicketView.class) : Optional.empty();
    }

    /** The ticket as the agent saw it at {@code version}, or the copy held (null when neither). */
    TicketView baseOf(long id, Long version) {
        if (version != null) {
            TicketView seen = history.get(id, version);
            if (seen != null) {
                return seen;
            }
        }
        return ticket(id).orElse(null);
    }

    /** Updates the copy with what the server answered a write sent from the outbox. */
    void rememberAnswer(OutboxEntry e, String responseJson, TicketView ticket, Consumer<AgentView> me) {
        if (responseJson == null || responseJson.isBlank()) {
            return;
        }
        String path = e.path();
        if (TICKET_PATH.matcher(path).matches()) {
            remember(ticket != null ? ticket : parse(responseJson, TicketView.class));
        } else if ("/api/v1/tickets".equals(path)) {
            TicketView t = parse(responseJson, TicketView.class);
            remember(t);
            placeholderIs(e, t.id(), LocalCache.TICKET);
        } else if ("/api/v1/customers".equals(path)) {
            CustomerSummary c = parse(responseJson, CustomerSummary.class);
            remember(c);
            placeholderIs(e, c.id(), LocalCache.CUSTOMER);
        } else if ("/api/v1/me/state".equals(path)) {
            me.accept(parse(responseJson, AgentView.class));
        } else if ("/api/v1/callbacks".equals(path)) {
            InteractionView i = parse(responseJson, InteractionView.class);
            remember(i);
            placeholderIs(e, i.id(), LocalCache.INTERACTION);
        } else if (INTERACTION_PATH.matcher(path).matches()) {
            remember((InteractionView) parse(responseJson, InteractionView.class));
        }
    }

    /** The record entry {@code e} made offline now has the server's id: the placeholder's stand-in goes. */
    private void placeholderIs(OutboxEntry e, long realId, String kind) {
        cache().put(LocalCache.PLACEHOLDER, e.id(), realId, null, null, null);
        cache().remove(kind, ProvisionalIds.placeholder(e.id()));
    }

    <T> T parse(String text, Class<T> type) {
        return parse(text, json.constructType(type));
    }

    <T> T parse(String text, JavaType type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("the server's answer is not what was expected: " + e.getMessage(), e);
        }
    }

    /** Tickets as the agent saw them, by id and version, so a refused change is merged against what they saw. */
    private static final class TicketHistory {
        private static final int LIMIT = 2000;
        private final Map<String, TicketView> seen = java.util.Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(256, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, TicketView> eldest) {
                        return size() > LIMIT;
                    }
                });

        void put(TicketView t) {
            seen.put(t.id() + ":" + t.version(), t);
        }

        TicketView get(long id, long version) {
            return seen.get(id + ":" + version);
        }
    }
}
