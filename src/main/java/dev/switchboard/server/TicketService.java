package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketEvent;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.TicketSplitRequest;
import dev.switchboard.domain.CaseFile;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.NoteVisibility;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.CaseStore;
import dev.switchboard.domain.Ticket;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.TicketStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tickets: create, read, change (with optimistic versions), add notes, merge, split, link and watch;
 * each change is an event and a line of the ticket's history. {@link CaseService} decides the SLA
 * clocks and the rules of a change.
 */
public final class TicketService {
    private final TicketStore tickets;
    private final CaseStore caseStore;
    private final CaseService cases;
    private final CustomerStore customers;
    private final InteractionStore interactions;
    private final AgentStore agents;
    private final EventHub hub;
    private final Views views;
    private final Clock clock;

    public TicketService(TicketStore tickets, CaseStore caseStore, CaseService cases, CustomerStore customers,
                         InteractionStore interactions, AgentStore agents, EventHub hub, Views views, Clock clock) {
        this.tickets = tickets;
        this.caseStore = caseStore;
        this.cases = cases;
        this.customers = customers;
        this.interactions = interactions;
        this.agents = agents;
        this.hub = hub;
        this.views = views;
        this.clock = clock;
    }

    public TicketView create(NewTicketRequest r, Session author) {
        return create(r, author, List.of());
    }

    /** Checks a new ticket's fields, so that a caller can check before it does anything else. */
    public void check(NewTicketRequest r) {
        if (customers.find(r.customerId()).isEmpty()) {
            throw new ApiProblem(404, "not_found", "customer " + r.customerId() + " does not exist", "customerId");
        }
        Requests.required("subject", r.subject(), 300);
        Requests.maxLength("note", r.note(), 20_000);
        if (r.interactionId() != null) {
            requireInteractionOf(r.interactionId(), r.customerId(), "interactionId");
        }
        if (r.kind() == TicketKind.COMPLAINT) {
            if (r.severity() == null) {
                throw ApiProblem.badRequest("severity", "a complaint needs a severity: MINOR, MAJOR or CRITICAL");
            }
            Requests.required("department", r.department(), 80);
            Requests.required("category", r.category(), 80);
        } else if (r.severity() != null || r.department() != null || r.category() != null) {
            throw ApiProblem.badRequest(r.severity() != null ? "severity" : r.department() != null ? "department"
                    : "category", "severity, department and category belong to complaints (kind COMPLAINT)");
        }
        if (r.promisedAt() != null && r.promisedAt().isBefore(clock.instant().minusSeconds(60))) {
            throw ApiProblem.badRequest("promisedAt", "the time promised to the customer must be in the future");
        }
    }

    /** Creates a ticket, linked also to {@code moreInteractions} (a callback scheduled with it). */
    TicketView create(NewTicketRequest r, Session author, List<Long> moreInteractions) {
        check(r);
        String subject = r.subject().strip();
        TicketPriority priority = r.priority() == null ? TicketPriority.NORMAL : r.priority();
        TicketKind kind = r.kind() == null ? TicketKind.QUESTION : r.kind();
        Instant now = clock.instant();
        CaseFile file = cases.opened(kind, priority, r.severity(), trimmed(r.department()), trimmed(r.category()),
                r.promisedAt(), now);
        if (kind == TicketKind.COMPLAINT && file.promisedAt() == null) {
            // tell the customer how long it will take: the resolution target, unless the agent promised sooner
            file = file.withComplaint(kind, file.severity(), file.department(), file.category(),
                    cases.resolutionDue(file, now), null);
        }
        List<Long> linked = new ArrayList<>();
        if (r.interactionId() != null) {
            linked.add(r.interactionId());
        }
        linked.addAll(moreInteractions);
        String opened = kind == TicketKind.COMPLAINT
                ? "Complaint opened (" + r.severity() + ", " + file.department() + ", " + file.category() + ")"
                : "Opened as " + kind.name().toLowerCase(java.util.Locale.ROOT);
        Ticket t = tickets.create(r.customerId(), subject, priority, linked, r.note(), author.agentId(),
                author.agent().displayName(), now, file.withAssignee(author.agentId()), opened);
        return publish(t);
    }

    /** Sends a complaint's acknowledgement on the customer's text channel, as the agent. */
    @FunctionalInterface
    public interface Acknowledger {
        void send(Session agent, long interactionId, String key, String text);
    }

    private volatile Acknowledger acknowledger;

    /** How acknowledgements go out on text channels (set once the channels are up). */
    public void acknowledgeWith(Acknowledger a) {
        acknowledger = a;
    }

    /** The number to call back for a complaint's promised callback: the one given, else the customer's phone. */
    String callbackNumber(NewTicketRequest r) {
        if (r.callbackNumber() != null && !r.callbackNumber().isBlank()) {
            return r.callbackNumber();
        }
        return customers.find(r.customerId()).flatMap(c -> c.contactPoints().stream()
                        .filter(p -> p.kind() == dev.switchboard.domain.ContactKind.PHONE).findFirst())
                .map(dev.switchboard.domain.ContactPoint::value)
                .orElseThrow(() -> ApiProblem.badRequest("callbackNumber",
                        "the customer has no phone number on record: give callbackNumber for the promised callback"));
    }

    /**
     * Acknowledges a new complaint at once: the words (what was received, the ticket number, the time
     * promised, a callback booked) go out on the contact's text channel; on a call the ticket's history
     * gives the agent the words to say. Either way the history records it. A channel that fails leaves
     * the complaint in place and says so in its history.
     */
    TicketView acknowledge(TicketView t, NewTicketRequest r, Session agent) {
        if (t.caseFile().kind() != TicketKind.COMPLAINT) {
            return t;
        }
        Instant promised = t.caseFile().promisedAt();
        String text = "We have received your complaint about \"" + t.subject() + "\" (our reference T-" + t.id()
                + "). We are sorry for the trouble. We will come back to you with an answer by "
                + cases.when(promised) + "."
                + (r.callbackAt() == null ? "" : " We will call you on " + cases.when(r.callbackAt()) + " as promised.");
        Interaction contact = r.interactionId() == null ? null : interactions.find(r.interactionId()).orElse(null);
        Instant now = clock.instant();
        String line;
        if (contact != null && contact.channel() != dev.switchboard.domain.Channel.PHONE && acknowledger != null) {
            try {
                acknowledger.send(agent, contact.id(), "ack-T" + t.id(), text);
                line = "Acknowledgement sent on " + contact.channel().name().toLowerCase(java.util.Locale.ROOT) + ": " + text;
            } catch (RuntimeException e) {
                line = "Acknowledgement could not be sent on " + contact.channel().name().toLowerCase(java.util.Locale.ROOT)
                        + " (" + e.getMessage() + "): tell the customer: " + text;
            }
        } else {
            line = "Acknowledge on the call, tell the customer: " + text;
        }
        tickets.addHistory(t.id(), agent.agentId(), agent.agent().displayName(), line, now);
        return publish(tickets.find(t.id()).orElseThrow());
    }

    private static String trimmed(String s) {
        return s == null ? null : s.strip();
    }

    public TicketView get(long id) {
        return views.ticket(tickets.find(id).orElseThrow(() -> ApiProblem.notFound("ticket", id)));
    }

    /** The ticket without its notes (a lighter read, for checks and the audit's "before"). */
    public dev.switchboard.domain.Ticket head(long id) {
        return tickets.findHead(id).orElseThrow(() -> ApiProblem.notFound("ticket", id));
    }

    public TicketView update(long id, TicketUpdateRequest r) {
        return update(id, r, null);
    }

    public TicketView update(long id, TicketUpdateRequest r, Session actor) {
        if (!r.changesAnything()) {
            throw ApiProblem.badRequest(null, "nothing to change: give subject, status, priority, linkInteractionId, "
                    + "severity, department, category, promisedAt or addressed");
        }
        if (r.subject() != null) {
            Requests.required("subject", r.subject(), 300);
        }
        Ticket current = tickets.findHead(id).orElseThrow(() -> ApiProblem.notFound("ticket", id));
        if (r.linkInteractionId() != null) {
            requireInteractionOf(r.linkInteractionId(), current.customerId(), "linkInteractionId");
        }
        Instant now = clock.instant();
        try {
            Ticket t = tickets.update(id, r.version(), found -> cases.change(found, r, now), r.linkInteractionId(),
                    actor == null ? null : actor.agentId(), actor == null ? "" : actor.agent().displayName(), now)
                    .orElseThrow(() -> ApiProblem.notFound("ticket", id));
            return publish(t);
        } catch (TicketStore.VersionConflict e) {
            throw new ApiProblem(409, "version_conflict", "ticket " + id + " was changed by someone else (now version "
                    + e.current().version() + "); reload it and apply your change again", "version");
        }
    }

    public TicketView addNote(long id, String body, Session author) {
        return addNote(id, body, NoteVisibility.INTERNAL, author);
    }

    /** Adds an internal note, or one that records what the customer was told (their first response if it is the first). */
    public TicketView addNote(long id, String body, NoteVisibility visibility, Session author) {
        String text = Requests.required("body", body, 20_000);
        Ticket t = tickets.addNote(id, author.agentId(), author.agent().displayName(), text, clock.instant(),
                        visibility == null ? NoteVisibility.INTERNAL : visibility)
                .orElseThrow(() -> ApiProblem.notFound("ticket", id));
        return publish(t);
    }

    /**
     * Merges the duplicate into the ticket: both must be the same customer's and open, and neither
     * merged already. Everything on the duplicate carries on here; the duplicate is closed.
     */
    public TicketView merge(long id, Long duplicateId, Session actor) {
        if (duplicateId == null) {
            throw ApiProblem.badRequest("duplicateId", "duplicateId (the ticket to merge into this one) is required");
        }
        if (duplicateId == id) {
            throw ApiProblem.badRequest("duplicateId", "a ticket cannot be merged into itself");
        }
        Ticket survivor = head(id);
        Ticket duplicate = tickets.findHead(duplicateId).orElseThrow(() ->
                new ApiProblem(404, "not_found", "ticket " + duplicateId + " does not exist", "duplicateId"));
        if (duplicate.customerId() != survivor.customerId()) {
            throw ApiProblem.badRequest("duplicateId", "T-" + duplicateId + " is another customer's ticket: only the "
                    + "same customer's tickets can be merged (merge the customers first)");
        }
        for (Ticket t : List.of(survivor, duplicate)) {
            if (t.caseFile().mergedInto() != null) {
                throw ApiProblem.conflict("merged", "T-" + t.id() + " was already merged into T-" + t.caseFile().mergedInto());
            }
        }
        if (!survivor.status().isOpen()) {
            throw ApiProblem.conflict("closed", "T-" + id + " is " + survivor.status() + ": reopen it to merge into it");
        }
        caseStore.merge(id, duplicateId, actor.agentId(), actor.agent().displayName(), clock.instant());
        tickets.find(duplicateId).ifPresent(this::publish);
        return publish(tickets.find(id).orElseThrow());
    }

    /** Moves the notes and contacts named to a new ticket of the same customer, linked to this one. */
    public TicketView split(long id, TicketSplitRequest r, Session actor) {
        if (r == null) {
            throw ApiProblem.badRequest(null, "a body with subject, noteIds and interactionIds is required");
        }
        String subject = Requests.required("subject", r.subject(), 300);
        Ticket t = tickets.find(id).orElseThrow(() -> ApiProblem.notFound("ticket", id));
        List<Long> noteIds = r.noteIds() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(r.noteIds()));
        List<Long> interactionIds = r.interactionIds() == null ? List.of()
                : List.copyOf(new java.util.LinkedHashSet<>(r.interactionIds()));
        if (noteIds.isEmpty() && interactionIds.isEmpty()) {
            throw ApiProblem.badRequest("noteIds", "name at least one note or contact to move to the new ticket");
        }
        Set<Long> notes = t.notes().stream().map(n -> n.id()).collect(java.util.stream.Collectors.toSet());
        for (Long n : noteIds) {
            if (!notes.contains(n)) {
                throw ApiProblem.badRequest("noteIds", "note " + n + " is not on T-" + id);
            }
        }
        for (Long i : interactionIds) {
            if (!t.interactionIds().contains(i)) {
                throw ApiProblem.badRequest("interactionIds", "contact " + i + " is not on T-" + id);
            }
        }
        if (t.caseFile().mergedInto() != null) {
            throw ApiProblem.conflict("merged", "T-" + id + " was merged into T-" + t.caseFile().mergedInto());
        }
        Instant now = clock.instant();
        long newId = caseStore.split(id, subject, noteIds, interactionIds, actor.agentId(),
                actor.agent().displayName(), now);
        CaseFile started = cases.opened(t.caseFile().kind(), t.priority(), t.caseFile().severity(),
                t.caseFile().department(), t.caseFile().category(), t.caseFile().promisedAt(), now);
        tickets.update(newId, null, n -> new TicketStore.Change(n.subject(), n.status(), n.priority(), started,
                List.of()), null, actor.agentId(), actor.agent().displayName(), now);
        publish(tickets.find(id).orElseThrow());
        return publish(tickets.find(newId).orElseThrow());
    }

    /** Links (or, with {@code link} false, unlinks) two tickets as related. */
    public TicketView link(long id, Long otherId, boolean link, Session actor) {
        if (otherId == null) {
            throw ApiProblem.badRequest("ticketId", "ticketId (the related ticket) is required");
        }
        if (otherId == id) {
            throw ApiProblem.badRequest("ticketId", "a ticket cannot be linked to itself");
        }
        head(id);
        tickets.findHead(otherId).orElseThrow(() ->
                new ApiProblem(404, "not_found", "ticket " + otherId + " does not exist", "ticketId"));
        Instant now = clock.instant();
        boolean changed = link ? caseStore.link(id, otherId, actor.agentId(), actor.agent().displayName(), now)
                : caseStore.unlink(id, otherId, actor.agentId(), actor.agent().displayName(), now);
        if (changed) {
            tickets.find(otherId).ifPresent(this::publish);
            return publish(tickets.find(id).orElseThrow());
        }
        return get(id);
    }

    /** Adds or removes a watcher (the agent themselves when {@code agentId} is null). */
    public TicketView watch(long id, Long agentId, boolean watch, Session actor) {
        head(id);
        long who = agentId == null ? actor.agentId() : agentId;
        dev.switchboard.domain.Agent agent = agents.find(who).orElseThrow(() ->
                new ApiProblem(404, "not_found", "agent " + who + " does not exist", "agentId"));
        boolean changed = caseStore.watch(id, who, agent.displayName(), watch, actor.agentId(),
                actor.agent().displayName(), clock.instant());
        return changed ? publish(tickets.find(id).orElseThrow()) : get(id);
    }

    /**
     * One escalation round over the open tickets with SLA clocks: keeps the supervisors' alerts, and
     * takes each due step once (history, a priority raised a step) through the ticket's own update.
     */
    public void escalate() {
        Instant now = clock.instant();
        List<Ticket> open = tickets.openWithClocks();
        cases.keepAlertsOf(open.stream().map(Ticket::id).collect(java.util.stream.Collectors.toSet()));
        List<AgentStore.Account> people = null;
        for (Ticket t : open) {
            long id = t.id();
            CaseService.Escalation e = cases.judge(t, now);
            cases.alert(id, e.alert());
            if (e.history() != null) {
                try {
                    tickets.update(id, t.version(), found -> new TicketStore.Change(found.subject(), found.status(),
                            e.raiseTo() != null ? e.raiseTo() : found.priority(),
                            found.caseFile().withEscalation(e.level()), List.of(e.history())), null, null, "", now)
                            .ifPresent(this::publish);
                } catch (TicketStore.VersionConflict changedMeanwhile) {
                    continue; // an agent changed it during the round: the next round judges it again
                }
            }
            if (Math.max(t.caseFile().escalation(), e.level()) >= 2) {
                people = people != null ? people : agents.accounts();
                handToSupervisor(t, people, now);
            }
        }
    }

    /**
     * A ticket that missed a target goes to a supervisor: one of its assignee's team, else the first
     * supervisor of the centre. Nothing changes when a supervisor (or administrator) has it already, or
     * when the centre has no supervisor; asked each round, so a reassignment that failed is tried again.
     */
    private void handToSupervisor(Ticket t, List<AgentStore.Account> people, Instant now) {
        Long from = t.caseFile().assigneeId();
        AgentStore.Account current = from == null ? null
                : people.stream().filter(p -> p.agent().id() == from).findFirst().orElse(null);
        if (current != null && current.agent().role().oversees() && !current.disabled()) {
            return;
        }
        Long team = current == null ? null : current.teamId();
        people.stream()
                .filter(p -> p.agent().role() == dev.switchboard.domain.Role.SUPERVISOR && !p.disabled()
                        && !p.agent().simulated())
                .min(java.util.Comparator.comparingInt((AgentStore.Account p) -> team != null
                        && team.equals(p.teamId()) ? 0 : 1).thenComparingLong(p -> p.agent().id()))
                .ifPresent(to -> tickets.reassign(t.id(), from, to.agent().id(), null, "",
                        (current == null ? "Assigned" : "Reassigned from " + current.agent().displayName())
                                + " to " + to.agent().displayName() + ": a target was missed", now)
                        .ifPresent(this::publish));
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
