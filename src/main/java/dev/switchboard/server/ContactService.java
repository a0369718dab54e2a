package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MatchKind;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.InteractionStore;

import java.time.Clock;
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
    private final CustomerStore customers;
    private final InteractionStore interactions;
    private final ScreenPopBuilder pops;
    private final WorkDistributor distributor;
    private final EventHub hub;
    private final Views views;
    private final Clock clock;

    public ContactService(AddressNormalizer normalizer, CustomerStore customers, InteractionStore interactions,
                          ScreenPopBuilder pops, WorkDistributor distributor, EventHub hub, Views views, Clock clock) {
        this.normalizer = normalizer;
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
        Match match = match(request.channel().addressKind(), address);
        Direction direction = request.direction() == null ? Direction.INBOUND : request.direction();
        Long customerId = match.kind() == MatchKind.SINGLE ? match.customerIds().get(0) : null;
        Interaction stored = interactions.insert(new Interaction(0, customerId, request.channel(), direction,
                InteractionState.QUEUED, match.key(), request.subject(), request.body(), clock.instant(),
                null, null, null));
        distributor.enqueue(stored, pops.build(stored, match.kind(), match.customerIds()));
        return new IngestResponse(views.interaction(stored), match.kind(), match.customerIds());
    }

    public InteractionView find(long id) {
        return views.interaction(interactions.find(id).orElseThrow(() -> ApiProblem.notFound("interaction", id)));
    }

    /** The agent's active contacts with their screen-pops, oldest first. */
    public List<ScreenPop> activeWork(long agentId) {
        return distributor.activeWork(agentId).stream()
                .map(i -> pops.build(interactions.find(i.id()).orElse(i),
                        i.customerId() != null ? MatchKind.SINGLE : MatchKind.UNKNOWN, List.of()))
                .toList();
    }

    /** Records which customer an interaction belongs to (the agent's pick among several, or a new one). */
    public InteractionView linkCustomer(long interactionId, long customerId) {
        Interaction i = interactions.find(interactionId)
                .orElseThrow(() -> ApiProblem.notFound("interaction", interactionId));
        if (customers.find(customerId).isEmpty()) {
            throw new ApiProblem(404, "not_found", "customer " + customerId + " does not exist", "customerId");
        }
        interactions.setCustomer(interactionId, customerId);
        InteractionView view = views.interaction(interactions.find(interactionId).orElse(i));
        hub.publish(EventTypes.INTERACTION, new InteractionEvent(view), view.agentId());
        return view;
    }
}
