package dev.switchboard.server;

import dev.switchboard.api.AddressView;
import dev.switchboard.api.CaseView;
import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.RoutingView;
import dev.switchboard.api.TicketNoteView;
import dev.switchboard.api.TicketView;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactPoint;
import dev.switchboard.domain.ContactQueue;
import dev.switchboard.domain.Customer;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.Routing;
import dev.switchboard.domain.Ticket;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns domain records into wire records. */
public final class Views {
    /** Bodies in a screen-pop are cut to this length; the full text comes with the timeline. */
    static final int POP_BODY_CHARS = 280;

    private final AddressNormalizer normalizer;
    private final Map<Long, ContactQueue> queues;
    private volatile java.util.function.Function<Ticket, CaseView> cases = t -> CaseView.NONE;

    public Views(AddressNormalizer normalizer, List<ContactQueue> queues) {
        this.normalizer = normalizer;
        this.queues = new java.util.concurrent.ConcurrentHashMap<>(
                queues.stream().collect(Collectors.toMap(ContactQueue::id, q -> q)));
    }

    /** A queue added or changed by an administrator: its name shows in the views from now on. */
    public void queue(ContactQueue q) {
        queues.put(q.id(), q);
    }

    public CustomerSummary customer(Customer c) {
        return new CustomerSummary(c.id(), c.displayName(), c.company(), c.segment(), c.lifetimeValue(),
                AddressView.of(c.address()),
                c.contactPoints().stream().map(this::contactPoint).toList());
    }

    public ContactPointView contactPoint(ContactPoint p) {
        return ContactPointView.of(p, display(p.kind(), p.value()));
    }

    public String display(ContactKind kind, String value) {
        return kind == ContactKind.PHONE && value.startsWith("+") ? normalizer.display(value) : value;
    }

    public InteractionView interaction(Interaction i) {
        return interaction(i, i.body());
    }

    public InteractionView interactionForPop(Interaction i) {
        String body = i.body();
        return interaction(i, body.length() <= POP_BODY_CHARS ? body : body.substring(0, POP_BODY_CHARS) + "…");
    }

    private InteractionView interaction(Interaction i, String body) {
        return new InteractionView(i.id(), i.customerId(), i.channel(), i.direction(), i.state(), i.address(),
                display(i.channel().addressKind(), i.address()), i.subject(), body, i.createdAt(),
                i.answeredAt(), i.endedAt(), i.agentId(), routing(i.routing()));
    }

    private RoutingView routing(Routing r) {
        if (r.queueId() == null && r.callbackNumber() == null) {
            return null;
        }
        ContactQueue q = r.queueId() == null ? null : queues.get(r.queueId());
        return new RoutingView(r.queueId(), q == null ? null : q.name(), r.priority(), r.queuedAt(), r.targetAgentId(),
                r.transferNote(), r.callbackNumber() == null ? null : display(ContactKind.PHONE, r.callbackNumber()),
                r.dueAt(), r.wrapUpDeadline(), q != null && q.wrapUpRequired(), r.disposition(), r.wrapUpNotes());
    }

    public TicketView ticket(Ticket t) {
        return new TicketView(t.id(), t.customerId(), t.subject(), t.status(), t.priority(), t.createdAt(),
                t.updatedAt(), t.version(), t.interactionIds(),
                t.notes().stream().map(n -> new TicketNoteView(n.id(), n.authorId(), n.authorName(), n.body(),
                        n.createdAt(), n.visibility())).toList(), t.dueAt(), t.firstResponseAt(), cases.apply(t));
    }

    /** How a ticket's case (kind, SLA clocks as they stand now, complaint, relations) is shown. */
    public void useCases(java.util.function.Function<Ticket, CaseView> view) {
        cases = view;
    }
}
