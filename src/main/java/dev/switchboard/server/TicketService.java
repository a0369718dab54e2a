package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketEvent;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.Ticket;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.TicketStore;

import java.time.Clock;

/** Tickets: create, read, change (with optimistic versions), add notes; each change is an event. */
public final class TicketService {
    private final TicketStore tickets;
    private final CustomerStore customers;
    private final InteractionStore interactions;
    private final EventHub hub;
    private final Views views;
    private final Clock clock;

    public TicketService(TicketStore tickets, CustomerStore customers, InteractionStore interactions, EventHub hub,
                         Views views, Clock clock) {
        this.tickets = tickets;
        this.customers = customers;
        this.interactions = interactions;
        this.hub = hub;
        this.views = views;
        this.clock = clock;
    }

    public TicketView create(NewTicketRequest r, Session author) {
        if (customers.find(r.customerId()).isEmpty()) {
            throw new ApiProblem(404, "not_found", "customer " + r.customerId() + " does not exist", "customerId");
        }
        String subject = Requests.required("subject", r.subject(), 300);
        Requests.maxLength("note", r.note(), 20_000);
        if (r.interactionId() != null) {
            requireInteractionOf(r.interactionId(), r.customerId(), "interactionId");
        }
        TicketPriority priority = r.priority() == null ? TicketPriority.NORMAL : r.priority();
        Ticket t = tickets.create(r.customerId(), subject, priority, r.interactionId(), r.note(), author.agentId(),
                author.agent().displayName(), clock.instant());
        return publish(t);
    }

    public TicketView get(long id) {
        return views.ticket(tickets.find(id).orElseThrow(() -> ApiProblem.notFound("ticket", id)));
    }

    /** The ticket without its notes (a lighter read, for checks and the audit's "before"). */
    public dev.switchboard.domain.Ticket head(long id) {
        return tickets.findHead(id).orElseThrow(() -> ApiProblem.notFound("ticket", id));
    }

    public TicketView update(long id, TicketUpdateRequest r) {
        if (r.subject() == null && r.status() == null && r.priority() == null && r.linkInteractionId() == null) {
            throw ApiProblem.badRequest(null, "nothing to change: give subject, status, priority or linkInteractionId");
        }
        if (r.subject() != null) {
            Requests.required("subject", r.subject(), 300);
        }
        Ticket current = tickets.find(id).orElseThrow(() -> ApiProblem.notFound("ticket", id));
        if (r.linkInteractionId() != null) {
            requireInteractionOf(r.linkInteractionId(), current.customerId(), "linkInteractionId");
        }
        try {
            Ticket t = tickets.update(id, r.version(), r.subject() == null ? null : r.subject().trim(), r.status(),
                    r.priority(), r.linkInteractionId(), clock.instant())
                    .orElseThrow(() -> ApiProblem.notFound("ticket", id));
            return publish(t);
        } catch (TicketStore.VersionConflict e) {
            throw new ApiProblem(409, "version_conflict", "ticket " + id + " was changed by someone else (now version "
                    + e.current().version() + "); reload it and apply your change again", "version");
        }
    }

    public TicketView addNote(long id, String body, Session author) {
        String text = Requests.required("body", body, 20_000);
        Ticket t = tickets.addNote(id, author.agentId(), author.agent().displayName(), text, clock.instant())
                .orElseThrow(() -> ApiProblem.notFound("ticket", id));
        return publish(t);
    }

    /**
     * Adds a note without answering with the ticket or announcing it: for a batch in which a later
     * write to the same ticket answers and announces (or {@link #announce} does). Returns the version
     * the note moved the ticket to.
     */
    long addNoteQuietly(long id, String body, Session author) {
        String text = Requests.required("body", body, 20_000);
        return tickets.note(id, author.agentId(), author.agent().displayName(), text, clock.instant())
                .orElseThrow(() -> ApiProblem.notFound("ticket", id));
    }

    /** Tells every desktop the ticket as it is now (after quiet writes). */
    void announce(long id) {
        tickets.find(id).ifPresent(this::publish);
    }

    private void requireInteractionOf(long interactionId, long customerId, String field) {
        Interaction i = interactions.find(interactionId).orElseThrow(() ->
                new ApiProblem(404, "not_found", "interaction " + interactionId + " does not exist", field));
        if (i.customerId() == null || i.customerId() != customerId) {
            throw ApiProblem.badRequest(field, "interaction " + interactionId + " is not this customer's");
        }
    }

    private TicketView publish(Ticket t) {
        TicketView view = views.ticket(t);
        hub.publish(EventTypes.TICKET, new TicketEvent(view), (Long) null);
        return view;
    }
}
