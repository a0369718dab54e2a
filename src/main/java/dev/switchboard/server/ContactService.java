package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MatchKind;
import dev.switchboard.domain.Routing;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.RoutingStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Contacts arriving on any channel: match the address to customers, store the interaction, build
 * its screen-pop and queue it for an agent. Also the agent's choice of customer when the address
 * matched several or none.
 */
public final class ContactService {
    static final int MAX_ADDRESS = 320;
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 100_000;
    private static final int MAX_CANDIDATES = 10;

    private final AddressNormalizer normalizer;
    private final RoutingStore routing;
    private final CustomerStore customers;
    private final InteractionStore interactions;
    private final ScreenPopBuilder pops;
    private final WorkDistributor distributor;
    private final EventHub hub;
    private final Views views;
    private final Clock clock;

    public ContactService(AddressNormalizer normalizer, RoutingStore routing, CustomerStore customers,
                          InteractionStore interactions, ScreenPopBuilder pops, WorkDistributor distributor,
                          EventHub hub, Views views, Clock clock) {
        this.normalizer = normalizer;
        this.routing = routing;
        this.customers = customers;
        this.interactions = interactions;
        this.pops = pops;
        this.distributor = distributor;
        this.hub = hub;
        this.views = views;
        this.clock = clock;
    }

    /** The customers an address belongs to, by exact normalised key. */
    public record Match(MatchKind kind, String key, List<Long> customerIds) {
    }

    public Match match(ContactKind kind, String rawAddress) {
        Optional<String> key = normalizer.normalize(kind, rawAddress);
        if (key.isEmpty()) {
            return new Match(MatchKind.UNKNOWN, rawAddress.trim(), List.of());
        }
        List<Long> ids = customers.idsByContact(kind, key.get(), MAX_CANDIDATES);
        MatchKind matchKind = ids.isEmpty() ? MatchKind.UNKNOWN : ids.size() == 1 ? MatchKind.SINGLE : MatchKind.SEVERAL;
        return new Match(matchKind, key.get(), ids);
    }

    /** Stores a new contact, builds its pop and queues it; the offer follows on the event stream. */
    public IngestResponse ingest(IngestRequest request) {
        return ingest(request, null, stored -> { });
    }

    /**
     * As {@link #ingest(IngestRequest)}, for a channel: {@code kind} overrides the kind of address
     * matched (a WhatsApp sender is a phone number), and {@code beforeQueue} runs once the contact is
     * stored and before any agent can be offered it (to store the channel's details with it).
     */
    public IngestResponse ingest(IngestRequest request, ContactKind kind, java.util.function.Consumer<Interaction> beforeQueue) {
        if (request.channel() == null) {
            throw ApiProblem.badRequest("channel", "channel is required: PHONE, EMAIL, CHAT or SOCIAL");
        }
        String address = request.address();
        if (address == null || address.isBlank()) {
            throw ApiProblem.badRequest("address", "address is required (caller number, e-mail address or handle)");
        }
        Requests.maxLength("address", address, MAX_ADDRESS);
        Requests.maxLength("subject", request.subject(), MAX_SUBJECT);
        Requests.maxLength("body", request.body(), MAX_BODY);
        long queueId = request.queueId() != null ? distributor.queue(request.queueId()).id()
                : routing.defaultQueue(request.channel())
                        .orElseGet(() -> distributor.queues().get(0).id());
        int priority = request.priority() == null ? 0 : request.priority();
        if (priority < -10 || priority > 10) {
            throw ApiProblem.badRequest("priority", "priority must be between -10 and 10");
        }
        Match match = match(kind != null ? kind : request.channel().addressKind(), address);
        Requests.maxLength("address", match.key(), MAX_ADDRESS);
        Direction direction = request.direction() == null ? Direction.INBOUND : request.direction();
        Long customerId = match.kind() == MatchKind.SINGLE ? match.customerIds().get(0) : null;
        Instant now = clock.instant();
        Interaction stored = interactions.insert(new Interaction(0, customerId, request.channel(), direction,
                InteractionState.QUEUED, match.key(), request.subject(), request.body(), now,
                null, null, null, Routing.NONE.inQueue(queueId, priority, now, null)));
        beforeQueue.accept(stored);
        distributor.enqueue(stored, pops.build(stored, match.kind(), match.customerIds()));
        return new IngestResponse(views.interaction(stored), match.kind(), match.customerIds());
    }

    /**
     * Stores a call the agent places (click-to-dial): an outbound phone contact, with the agent from
     * the start. The number must be a valid phone number; the customer, when given, must exist.
     * Not yet handed to routing: the caller does that once the call is under way.
     */
    public Interaction storeOutboundCall(long agentId, String rawNumber, Long customerId) {
        String number = phoneNumber("number", rawNumber);
        Long customer = customerId;
        if (customer != null) {
            if (customers.find(customer).isEmpty()) {
                throw new ApiProblem(404, "not_found", "customer " + customer + " does not exist", "customerId");
            }
        } else {
            Match m = match(ContactKind.PHONE, number);
            customer = m.kind() == MatchKind.SINGLE ? m.customerIds().get(0) : null;
        }
        long queueId = routing.defaultQueue(Channel.PHONE).orElseGet(() -> distributor.queues().get(0).id());
        Instant now = clock.instant();
        return interactions.insert(new Interaction(0, customer, Channel.PHONE, Direction.OUTBOUND,
                InteractionState.ACTIVE, number, "Call to " + number, null, now, now, null, agentId,
                Routing.NONE.inQueue(queueId, 0, now, null)));
    }

    /** A normalised phone number as people read it ({@code +44 20 7946 0000}). */
    public String displayPhone(String e164) {
        return views.display(ContactKind.PHONE, e164);
    }

    /** The normalised phone number, or a 400 naming {@code field}. */
    public String phoneNumber(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.badRequest(field, field + " is required");
        }
        Requests.maxLength(field, raw, 40);
        return normalizer.normalize(ContactKind.PHONE, raw).orElseThrow(() ->
                ApiProblem.badRequest(field, "\"" + raw.strip() + "\" is not a phone number we can dial"));
    }

    public InteractionView find(long id) {
        return views.interaction(interactions.find(id).orElseThrow(() -> ApiProblem.notFound("interaction", id)));
    }

    /** The agent's contacts in hand (active or in wrap-up) with their screen-pops, oldest first. */
    public List<ScreenPop> activeWork(long agentId) {
        return distributor.activeWork(agentId).stream().map(this::popOf).toList();
    }

    /** A screen-pop for an interaction as it is stored now. */
    public ScreenPop popOf(Interaction i) {
        Interaction current = interactions.find(i.id()).orElse(i);
        if (current.customerId() != null) {
            return pops.build(current, MatchKind.SINGLE, List.of());
        }
        // a WhatsApp sender is known by phone number: social contacts stored with one match on it
        ContactKind kind = current.channel() == Channel.SOCIAL && current.address().startsWith("+")
                ? ContactKind.PHONE : current.channel().addressKind();
        Match m = match(kind, current.address());
        return pops.build(current, m.kind() == MatchKind.SINGLE ? MatchKind.UNKNOWN : m.kind(), m.customerIds());
    }

    /**
     * Records which customer an interaction belongs to (the agent's pick among several, or a new
     * one). Only the agent it is offered to or with (or a supervisor) may.
     */
    public InteractionView linkCustomer(Session session, long interactionId, long customerId) {
        Interaction i = mayLink(session, interactionId);
        if (customers.find(customerId).isEmpty()) {
            throw new ApiProblem(404, "not_found", "customer " + customerId + " does not exist", "customerId");
        }
        interactions.setCustomer(interactionId, customerId);
        return linked(interactions.find(interactionId).orElse(i.withCustomer(customerId)));
    }

    /** The interaction, if this agent may link it to a customer (see {@link #linkCustomer}). */
    public Interaction mayLink(Session session, long interactionId) {
        Interaction i = interactions.find(interactionId)
                .orElseThrow(() -> ApiProblem.notFound("interaction", interactionId));
        distributor.checkCanLink(session.agent(), session.isSupervisor(), i);
        return i;
    }

    /** After a link: routing's copies and the pop follow, and the agent's desktops hear of it. */
    public InteractionView linked(Interaction now) {
        distributor.linked(now.id(), now.customerId(), popOf(now));
        InteractionView view = views.interaction(now);
        hub.publish(EventTypes.INTERACTION, new InteractionEvent(view), view.agentId());
        return view;
    }
}
