package dev.switchboard.server;

import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.CodeView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.NewCallbackRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.api.WrapUpTicket;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactQueue;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Role;
import dev.switchboard.domain.Routing;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.RoutingStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What agents do with the queues beyond accepting: the configured lists, wrap-up (disposition,
 * notes, a ticket), transfers and callbacks. Checks every input before anything is written.
 */
public final class RoutingService {
    private final RoutingStore routing;
    private final AgentStore agents;
    private final CustomerStore customers;
    private final InteractionStore interactions;
    private final WorkDistributor work;
    private final TicketService tickets;
    private final AddressNormalizer normalizer;
    private final Clock clock;
    private volatile Set<String> reasonCodes;
    private volatile Set<String> dispositionCodes;
    private volatile Runnable codesChanged = () -> { };
    /** One priority change at a time, so the store and routing never end up disagreeing. */
    private final Object priorityChanges = new Object();

    /** A queue's priority before a change, and the queue after it. */
    public record PriorityChange(int before, QueueView queue) {
        public boolean changed() {
            return before != queue.priority();
        }
    }

    public RoutingService(RoutingStore routing, AgentStore agents, CustomerStore customers,
                          InteractionStore interactions, WorkDistributor work, TicketService tickets,
                          AddressNormalizer normalizer, Clock clock) {
        this.routing = routing;
        this.agents = agents;
        this.customers = customers;
        this.interactions = interactions;
        this.work = work;
        this.tickets = tickets;
        this.normalizer = normalizer;
        this.clock = clock;
        readCodes();
    }

    /** Reads the reason codes and dispositions again: an administrator changed them (the listener hears of it). */
    public void reloadCodes() {
        readCodes();
        codesChanged.run();
    }

    /** Called after this server's administrator changed the codes (in a cluster: the other nodes are told). */
    public void onCodesChanged(Runnable listener) {
        this.codesChanged = listener;
    }

    /** Reads the codes again, changed on another node of the cluster. */
    public void codesChangedElsewhere() {
        readCodes();
    }

    private void readCodes() {
        this.reasonCodes = routing.reasonCodes().stream().map(RoutingStore.Code::code).collect(Collectors.toSet());
        this.dispositionCodes = routing.dispositions().stream().map(RoutingStore.Code::code).collect(Collectors.toSet());
    }

    public ConfigView config() {
        List<QueueView> queues = queueViews();
        List<AgentSummary> people = agents.all().stream()
                .filter(a -> a.role().takesContacts())
                .map(a -> new AgentSummary(a.id(), a.displayName(), work.stateOf(a.id()).state()))
                .toList();
        return new ConfigView(queues, codes(routing.reasonCodes()), codes(routing.dispositions()), people);
    }

    /** The queues as routing has them now (no database read). */
    public List<QueueView> queueViews() {
        return work.queues().stream().map(RoutingService::view).toList();
    }

    /**
     * Sets a queue's priority (0 to 100): stored first, so it survives a restart, then in routing at
     * once. Nothing is written when the queue is unknown (404), the priority is missing or out of range
     * (400), or it is already that.
     */
    public PriorityChange setQueuePriority(long queueId, Integer priority) {
        if (work.queues().stream().noneMatch(q -> q.id() == queueId)) {
            throw ApiProblem.notFound("queue", queueId);
        }
        if (priority == null || priority < 0 || priority > 100) {
            throw ApiProblem.badRequest("priority", "priority must be a whole number from 0 to 100");
        }
        synchronized (priorityChanges) {
            ContactQueue q = work.queue(queueId);
            if (q.priority() == priority) {
                return new PriorityChange(q.priority(), view(q));
            }
            if (!routing.setQueuePriority(queueId, priority)) {
                throw ApiProblem.notFound("queue", queueId);
            }
            return new PriorityChange(q.priority(), view(work.setQueuePriority(queueId, priority)));
        }
    }

    /** Checks a not-ready reason against the configured list (READY needs none). */
    public String reasonFor(dev.switchboard.domain.AgentState state, String reason) {
        if (state == dev.switchboard.domain.AgentState.READY) {
            return null;
        }
        if (reason == null || reason.isBlank()) {
            return "BREAK";
        }
        if (!reasonCodes.contains(reason)) {
            throw ApiProblem.badRequest("reasonCode", "'" + reason + "' is not a configured not-ready reason");
        }
        return reason;
    }

    /**
     * Ends wrap-up: the disposition (required when the queue says so), notes, and the ticket change,
     * which is written first; a ticket that cannot be written leaves the wrap-up open.
     */
    public InteractionView wrapUp(Agent agent, long interactionId, WrapUpRequest r) {
        Interaction i = work.inWrapUp(agent, interactionId);
        String disposition = r.disposition() == null || r.disposition().isBlank() ? null : r.disposition();
        if (disposition != null && !dispositionCodes.contains(disposition)) {
            throw ApiProblem.badRequest("disposition", "'" + disposition + "' is not a configured disposition");
        }
        if (disposition == null && work.wrapUpRequired(i)) {
            throw ApiProblem.badRequest("disposition", "this queue needs a disposition before wrap-up can end");
        }
        Requests.maxLength("notes", r.notes(), 4000);
        WrapUpTicket t = r.ticket();
        if (t != null) {
            if (i.customerId() == null) {
                throw ApiProblem.badRequest("ticket", "link the contact to a customer before changing tickets");
            }
            if (t.ticketId() != null) {
                if (tickets.get(t.ticketId()).customerId() != i.customerId()) {
                    throw ApiProblem.badRequest("ticket.ticketId", "ticket " + t.ticketId() + " is another customer's");
                }
                Requests.maxLength("ticket.note", t.note(), 20_000);
            } else {
                Requests.required("ticket.subject", t.subject(), 300);
            }
        }
        if (t != null && t.ticketId() != null) {
            if (t.status() != null || t.priority() != null) {
                // a complaint solved or closed here answers the closing question too
                tickets.update(t.ticketId(), new TicketUpdateRequest(null, t.status(), t.priority(), null, interactionId,
                        null, null, null, null, t.addressed()));
            } else {
                tickets.update(t.ticketId(), new TicketUpdateRequest(null, null, null, null, interactionId));
            }
            if (t.note() != null && !t.note().isBlank()) {
                tickets.addNote(t.ticketId(), t.note(), new Session(null, agent));
            }
        } else if (t != null) {
            tickets.create(new NewTicketRequest(i.customerId(), t.subject(), t.priority(), t.note(), interactionId),
                    new Session(null, agent));
        }
        return work.finishWrapUp(agent, interactionId, disposition, r.notes() == null ? null : r.notes().trim());
    }

    public InteractionView transfer(Agent agent, long interactionId, TransferRequest r) {
        if ((r.queueId() == null) == (r.agentId() == null)) {
            throw ApiProblem.badRequest("queueId", "give one of a queue, an agent or (for a call) a number to transfer to");
        }
        Requests.maxLength("note", r.note(), 2000);
        if (r.queueId() != null) {
            work.queue(r.queueId());
        }
        if (r.agentId() != null) {
            Agent target = agents.find(r.agentId())
                    .orElseThrow(() -> ApiProblem.badRequest("agentId", "agent " + r.agentId() + " does not exist"));
            if (!target.role().takesContacts() || target.id() == agent.id()) {
                throw ApiProblem.badRequest("agentId", target.displayName() + " cannot take this contact");
            }
        }
        return work.transfer(agent, interactionId, r.queueId(), r.agentId(), blankToNull(r.note()));
    }

    /** Turns a contact into a callback (in its place, or scheduled). */
    public InteractionView callback(Agent agent, long interactionId, CallbackRequest r) {
        Interaction i = interactions.find(interactionId).orElseThrow(() -> ApiProblem.notFound("interaction", interactionId));
        String number = callbackNumber(r.number() != null ? r.number()
                : i.channel() == Channel.PHONE ? i.address() : null);
        checkTarget(r.queueId(), r.agentId(), r.at());
        Requests.maxLength("note", r.note(), 2000);
        return work.callback(agent, interactionId, number, r.at(), r.queueId(), r.agentId(), blankToNull(r.note()));
    }

    /** Schedules a new callback to a customer. */
    public InteractionView scheduleCallback(Agent agent, NewCallbackRequest r) {
        if (customers.find(r.customerId()).isEmpty()) {
            throw new ApiProblem(404, "not_found", "customer " + r.customerId() + " does not exist", "customerId");
        }
        String number = callbackNumber(r.number());
        if (r.at() == null) {
            throw ApiProblem.badRequest("at", "when to call back is required");
        }
        checkTarget(r.queueId(), r.agentId(), r.at());
        Requests.maxLength("note", r.note(), 2000);
        long queue = r.queueId() != null ? r.queueId()
                : routing.defaultQueue(Channel.PHONE).orElseGet(() -> work.queues().get(0).id());
        Instant now = clock.instant();
        boolean later = r.at().isAfter(now);
        Interaction stored = interactions.insert(new Interaction(0, r.customerId(), Channel.PHONE, Direction.OUTBOUND,
                later ? InteractionState.SCHEDULED : InteractionState.QUEUED, number, "Callback", "", now, null, null,
                null, Routing.NONE.inQueue(queue, 0, r.at(), r.agentId()).withCallback(number, r.at())
                .withTransferNote(blankToNull(r.note()))));
        work.schedule(stored);
        return interactions.find(stored.id()).map(x -> work.view(x)).orElseThrow();
    }

    private void checkTarget(Long queueId, Long agentId, Instant at) {
        if (queueId != null) {
            work.queue(queueId);
        }
        if (agentId != null && agents.find(agentId).isEmpty()) {
            throw ApiProblem.badRequest("agentId", "agent " + agentId + " does not exist");
        }
        if (at != null && at.isAfter(clock.instant().plus(java.time.Duration.ofDays(90)))) {
            throw ApiProblem.badRequest("at", "a callback can be at most 90 days ahead");
        }
    }

    private String callbackNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.badRequest("number", "a number to call back is required");
        }
        return normalizer.normalize(ContactKind.PHONE, raw)
                .orElseThrow(() -> ApiProblem.badRequest("number", "'" + raw + "' is not a phone number"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<CodeView> codes(List<RoutingStore.Code> codes) {
        return codes.stream().map(c -> new CodeView(c.code(), c.label())).toList();
    }

    static QueueView view(ContactQueue q) {
        return new QueueView(q.id(), q.name(), q.requiredSkills().stream().sorted().toList(), q.priority(),
                q.slPercent(), (int) q.slThreshold().toSeconds(), (int) q.offerTimeout().toSeconds(), q.wrapUpRequired(),
                (int) q.wrapUpTimeout().toSeconds());
    }
}
