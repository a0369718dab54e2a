package dev.switchboard.client.offline;

import dev.switchboard.api.AgentView;
import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.NewCallbackRequest;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.RoutingView;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.TicketNoteView;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the desktop shows for a write that waits in the outbox: the record as it will be once the
 * server takes the write, built from the copy the desktop holds. Records the write creates carry a
 * placeholder id ({@link ProvisionalIds#placeholder}).
 */
final class Optimistic {
    /** Said on a line, a note or a record that waits to be sent. */
    static final String WAITING = "waiting to be sent: the server does not answer";

    private Optimistic() {
    }

    static AgentView state(AgentView me, AgentState state, String reason, Instant now) {
        return new AgentView(me.id(), me.username(), me.displayName(), me.role(), state, reason, now, me.skills(),
                me.capacity());
    }

    static TicketView updated(TicketView t, TicketUpdateRequest r, Instant now) {
        List<Long> links = new ArrayList<>(t.interactionIds());
        if (r.linkInteractionId() != null && !links.contains(r.linkInteractionId())) {
            links.add(r.linkInteractionId());
        }
        return new TicketView(t.id(), t.customerId(), r.subject() != null ? r.subject().strip() : t.subject(),
                r.status() != null ? r.status() : t.status(), r.priority() != null ? r.priority() : t.priority(),
                t.createdAt(), now, t.version(), links, t.notes(), t.dueAt(), t.firstResponseAt(), t.caseFile());
    }

    static TicketView noted(TicketView t, long placeholder, AgentView me, String body, Instant now) {
        List<TicketNoteView> notes = new ArrayList<>(t.notes());
        notes.add(new TicketNoteView(placeholder, me == null ? null : me.id(), me == null ? null : me.displayName(),
                body, now));
        return new TicketView(t.id(), t.customerId(), t.subject(), t.status(), t.priority(), t.createdAt(), now,
                t.version(), t.interactionIds(), notes, t.dueAt(), t.firstResponseAt(), t.caseFile());
    }

    static TicketView created(long placeholder, NewTicketRequest r, AgentView me, Instant now) {
        List<TicketNoteView> notes = r.note() == null || r.note().isBlank() ? List.of()
                : List.of(new TicketNoteView(placeholder, me == null ? null : me.id(),
                me == null ? null : me.displayName(), r.note(), now));
        return new TicketView(placeholder, r.customerId(), r.subject() == null ? "" : r.subject().strip(),
                TicketStatus.OPEN, r.priority() == null ? TicketPriority.NORMAL : r.priority(), now, now, 0,
                r.interactionId() == null ? List.of() : List.of(r.interactionId()), notes, null, null);
    }

    static CustomerSummary customer(long placeholder, NewCustomerRequest r) {
        String name = String.join(" ", nonBlank(r.firstName()), nonBlank(r.lastName())).strip();
        if (name.isEmpty()) {
            name = nonBlank(r.company());
        }
        List<ContactPointView> points = new ArrayList<>();
        if (r.contactPoints() != null) {
            for (NewContactPoint p : r.contactPoints()) {
                points.add(new ContactPointView(p.kind(), p.value(), p.label(), p.value()));
            }
        }
        return new CustomerSummary(placeholder, name, r.company(), null, null, null, points);
    }

    /** The contact as it stands after the agent ended it: in wrap-up with them. */
    static InteractionView ended(InteractionView i, Instant now) {
        return with(i, InteractionState.WRAP_UP, i.endedAt() != null ? i.endedAt() : now, i.routing());
    }

    /** The contact as it stands after wrap-up: finished, with the disposition and notes. */
    static InteractionView wrappedUp(InteractionView i, WrapUpRequest r, Instant now) {
        RoutingView g = i.routing();
        RoutingView routing = g == null ? null : new RoutingView(g.queueId(), g.queueName(), g.priority(), g.queuedAt(),
                g.targetAgentId(), g.transferNote(), g.callbackNumber(), g.dueAt(), null, g.wrapUpRequired(),
                r.disposition(), r.notes());
        return with(i, InteractionState.ENDED, i.endedAt() != null ? i.endedAt() : now, routing);
    }

    static InteractionView linked(InteractionView i, long customerId) {
        return new InteractionView(i.id(), customerId, i.channel(), i.direction(), i.state(), i.address(),
                i.addressDisplay(), i.subject(), i.body(), i.createdAt(), i.answeredAt(), i.endedAt(), i.agentId(),
                i.routing());
    }

    /** A contact the desktop never saw whole: what it knows of it. */
    static InteractionView unknown(long id, InteractionState state, Instant now) {
        return new InteractionView(id, null, Channel.PHONE, Direction.INBOUND, state, null, null, null, null, now, null,
                now, null, null);
    }

    static InteractionView callback(long placeholder, NewCallbackRequest r, Instant now) {
        return new InteractionView(placeholder, r.customerId(), Channel.PHONE, Direction.OUTBOUND,
                InteractionState.SCHEDULED, r.number(), r.number(), null, r.note(), now, null, null, r.agentId(), null);
    }

    static MessageView answer(long placeholder, long interactionId, AgentView me, SendMessageRequest r, Instant now) {
        return new MessageView(placeholder, interactionId, MessageDirection.OUTBOUND,
                me == null ? null : me.displayName(), r.subject(), r.text(), null, r.to(), r.cc(), MessageStatus.SENDING,
                WAITING, List.of(), now);
    }

    private static InteractionView with(InteractionView i, InteractionState state, Instant endedAt, RoutingView routing) {
        return new InteractionView(i.id(), i.customerId(), i.channel(), i.direction(), state, i.address(),
                i.addressDisplay(), i.subject(), i.body(), i.createdAt(), i.answeredAt(), endedAt, i.agentId(), routing);
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.strip();
    }
}
