package dev.switchboard.desktop;

import dev.switchboard.api.CaseView;
import dev.switchboard.api.ComplaintReportView;
import dev.switchboard.api.CustomerInsightView;
import dev.switchboard.api.FirstResponseReportView;
import dev.switchboard.api.PermissionRequest;
import dev.switchboard.api.SlaView;
import dev.switchboard.api.TicketHistoryView;
import dev.switchboard.api.TicketSplitRequest;
import dev.switchboard.domain.NoteVisibility;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import dev.switchboard.domain.sla.SlaState;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.CannedResponseView;
import dev.switchboard.api.ConversationView;
import dev.switchboard.api.MessageEvent;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.ReplyMode;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.api.SupervisorIntervalsView;
import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.MoveRequest;
import dev.switchboard.api.QueuePriorityRequest;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.StateRequest;
import dev.switchboard.api.TranscriptRequest;
import dev.switchboard.api.ApiError;
import dev.switchboard.api.CallView;
import dev.switchboard.api.ConsultRequest;
import dev.switchboard.api.ConsultView;
import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.DialRequest;
import dev.switchboard.api.PhoneView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCallbackRequest;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.RoutingView;
import dev.switchboard.api.TicketNoteView;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.client.SyncMonitor;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.CallState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MatchKind;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import dev.switchboard.domain.Role;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** A hand-written, in-memory server for the desktop's tests: it records every call it gets. */
public final class FakeApi implements SwitchboardApi {
    public static final String USER = "agent";
    public static final String PASSWORD = "agent123";

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final Map<Long, CustomerSummary> customers = new ConcurrentHashMap<>();
    public final Map<Long, List<TicketView>> tickets = new ConcurrentHashMap<>();
    public final Map<Long, List<InteractionView>> history = new ConcurrentHashMap<>();
    public final Map<Long, InteractionView> interactions = new ConcurrentHashMap<>();
    public final List<NewCustomerRequest> created = new CopyOnWriteArrayList<>();
    /** What {@link #activeWork()} answers: contacts active from an earlier sign-in. */
    public final List<ScreenPop> active = new CopyOnWriteArrayList<>();
    /** What {@link #queue()} answers: the contacts waiting in this agent's queues. */
    public final List<QueueEntryView> queue = new CopyOnWriteArrayList<>();
    public final List<Map.Entry<Long, WrapUpRequest>> wrapUps = new CopyOnWriteArrayList<>();
    public final List<Map.Entry<Long, TransferRequest>> transfers = new CopyOnWriteArrayList<>();
    public final List<Map.Entry<Long, CallbackRequest>> callbacks = new CopyOnWriteArrayList<>();
    public final List<NewCallbackRequest> scheduled = new CopyOnWriteArrayList<>();
    public volatile ConfigView config = Fixtures.config();
    /** Wrap-up of these contacts needs a disposition, whatever their routing says (as the server decides). */
    public final List<Long> dispositionRequired = new CopyOnWriteArrayList<>();
    /** Seconds of wrap-up the server grants after End. */
    public volatile int wrapUpSeconds = 60;
    public volatile boolean unreachable;
    public volatile boolean failSearch;
    /** The calls of phone interactions, as the server holds them (state, hold, mute, digits, problem). */
    public final Map<Long, CallView> phoneCalls = new ConcurrentHashMap<>();
    /** Every click-to-dial the desktop asked for. */
    public final List<DialRequest> dialled = new CopyOnWriteArrayList<>();
    /** The consultations under way, by interaction: whom the agent called. */
    public final Map<Long, ConsultRequest> consults = new ConcurrentHashMap<>();
    /** The agent's SIP phone, as {@link #phone()} answers it. */
    public volatile PhoneView phone = new PhoneView(7, true, "sip:agent@192.0.2.10:5062",
            Fixtures.NOW.plusSeconds(3600), "sip:127.0.0.1:5060");
    /** {@link #phone()} fails (an older server without the route, say). */
    public volatile boolean failPhone;
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 ()-]{2,}");
    private final AtomicLong ids = new AtomicLong(9000);
    private final AtomicLong seq = new AtomicLong();
    private volatile AgentView agent = new AgentView(7, USER, "Alex Morgan", Role.AGENT, AgentState.NOT_READY,
            "BREAK", Fixtures.NOW.minusSeconds(75), List.of(), Map.of());
    private volatile EventListener listener;

    public AgentView agent() {
        return agent;
    }

    // ---- the supervisor's dashboard ----

    /** What {@link #supervisorDashboard} answers. */
    public volatile SupervisorView dashboard;
    /** When set, {@link #supervisorDashboard} throws it (a 403, an unreachable server). */
    public volatile RuntimeException dashboardFailure;
    /** Every ask, as "TREATMENT cut-off" ("AGAINST 5"). */
    public final List<String> dashboardAsks = new CopyOnWriteArrayList<>();

    /** Signs in with this role from now on. */
    public void useRole(Role role) {
        AgentView a = agent;
        agent = new AgentView(a.id(), a.username(), a.displayName(), role, a.state(), a.reasonCode(), a.stateSince(),
                a.skills(), a.capacity());
    }

    /** The server pushes a dashboard to the supervisors following the stream. */
    public void emitDashboard(SupervisorView view) {
        dashboard = view;
        emit(EventTypes.DASHBOARD, view);
    }

    @Override
    public SupervisorView supervisorDashboard(String treatment, Integer shortAbandonSeconds) {
        calls.add("supervisorDashboard " + treatment + " " + shortAbandonSeconds);
        dashboardAsks.add(treatment + " " + shortAbandonSeconds);
        RuntimeException failure = dashboardFailure;
        if (failure != null) {
            throw failure;
        }
        if (agent.role() != Role.SUPERVISOR) {
            throw new ApiException(403, new ApiError("forbidden", "Supervisors only.", null));
        }
        return dashboard;
    }

    /** What {@link #supervisorIntervals} answers. */
    public volatile SupervisorIntervalsView intervals;
    /** When set, {@link #supervisorIntervals} throws it. */
    public volatile RuntimeException intervalsFailure;
    /** Every ask for the chart, as "TREATMENT cut-off". */
    public final List<String> intervalAsks = new CopyOnWriteArrayList<>();
    /** What {@link #supervisorWaiting} answers: every contact waiting, in every queue. */
    public final List<QueueEntryView> allWaiting = new CopyOnWriteArrayList<>();
    /** Every state a supervisor set, by agent. */
    public final List<Map.Entry<Long, StateRequest>> stateChanges = new CopyOnWriteArrayList<>();
    /** When set, {@link #supervisorSetAgentState} throws it (a 409 "not signed in"). */
    public volatile RuntimeException stateFailure;
    /** Every move a supervisor made, by interaction. */
    public final List<Map.Entry<Long, MoveRequest>> moves = new CopyOnWriteArrayList<>();
    /** Every priority a supervisor set, by queue. */
    public final List<Map.Entry<Long, Integer>> priorities = new CopyOnWriteArrayList<>();
    /** Every report asked for, as "kind from to treatment cut-off". */
    public final List<String> reportAsks = new CopyOnWriteArrayList<>();
    /** What {@link #supervisorReport} answers. */
    public volatile byte[] report = "interval,offered\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    /** When set, {@link #supervisorReport} throws it. */
    public volatile RuntimeException reportFailure;

    @Override
    public SupervisorIntervalsView supervisorIntervals(String treatment, Integer shortAbandonSeconds) {
        calls.add("supervisorIntervals " + treatment + " " + shortAbandonSeconds);
        intervalAsks.add(treatment + " " + shortAbandonSeconds);
        RuntimeException failure = intervalsFailure;
        if (failure != null) {
            throw failure;
        }
        return intervals;
    }

    @Override
    public List<QueueEntryView> supervisorWaiting() {
        calls.add("supervisorWaiting");
        return List.copyOf(allWaiting);
    }

    @Override
    public AgentSummary supervisorSetAgentState(long agentId, StateRequest request) {
        calls.add("supervisorSetAgentState " + agentId + " " + request.state() + " " + request.reasonCode());
        RuntimeException failure = stateFailure;
        if (failure != null) {
            throw failure;
        }
        stateChanges.add(new AbstractMap.SimpleEntry<>(agentId, request));
        return new AgentSummary(agentId, "agent " + agentId, request.state());
    }

    @Override
    public InteractionView supervisorMove(long interactionId, MoveRequest request) {
        calls.add("supervisorMove " + interactionId);
        moves.add(new AbstractMap.SimpleEntry<>(interactionId, request));
        QueueEntryView moved = allWaiting.stream().filter(e -> e.interactionId() == interactionId).findFirst()
                .orElseThrow(() -> new ApiException(404, new ApiError("not_found", "That contact is no longer waiting.", null)));
        if (request.queueId() != null) {
            String name = dashboard == null ? "queue " + request.queueId() : dashboard.queues().stream()
                    .filter(q -> q.queueId() == request.queueId()).map(q -> q.name()).findFirst().orElse("?");
            allWaiting.replaceAll(e -> e.interactionId() != interactionId ? e : new QueueEntryView(e.interactionId(),
                    e.channel(), e.who(), e.subject(), request.queueId(), name, e.priority(), e.queuedAt(),
                    e.slSeconds(), e.callback(), null, null));
        } else {
            allWaiting.replaceAll(e -> e.interactionId() != interactionId ? e : new QueueEntryView(e.interactionId(),
                    e.channel(), e.who(), e.subject(), e.queueId(), e.queueName(), e.priority(), e.queuedAt(),
                    e.slSeconds(), e.callback(), request.agentId(), null));
        }
        return null;
    }

    @Override
    public QueueView supervisorSetQueuePriority(long queueId, QueuePriorityRequest request) {
        calls.add("supervisorSetQueuePriority " + queueId + " " + request.priority());
        priorities.add(new AbstractMap.SimpleEntry<>(queueId, request.priority()));
        return new QueueView(queueId, "queue " + queueId, List.of(), request.priority(), 80, 20, 20, false, 60);
    }

    @Override
    public byte[] supervisorReport(String kind, java.time.LocalDate from, java.time.LocalDate to, String treatment,
                                   Integer shortAbandonSeconds) {
        calls.add("supervisorReport " + kind);
        reportAsks.add(kind + " " + from + " " + to + " " + treatment + " " + shortAbandonSeconds);
        RuntimeException failure = reportFailure;
        if (failure != null) {
            throw failure;
        }
        return report.clone();
    }

    // ---- outbound campaigns ----

    /** What {@link #outboundCampaigns()} answers. */
    public final List<dev.switchboard.api.CampaignView> campaigns = new CopyOnWriteArrayList<>();
    /** What {@link #outboundNext} answers, one per ask; when empty, "nothing left". */
    public final java.util.Queue<dev.switchboard.api.OutboundNextView> nextAnswers =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Every campaign asked for its next record. */
    public final List<Long> nextAsks = new CopyOnWriteArrayList<>();
    /** Every record dialled, skipped, and each result posted. */
    public final List<Long> outboundDials = new CopyOnWriteArrayList<>();
    public final List<Long> outboundSkips = new CopyOnWriteArrayList<>();
    public final List<Map.Entry<Long, dev.switchboard.api.OutboundResultRequest>> outboundResults =
            new CopyOnWriteArrayList<>();
    /** When set, the next {@link #outboundDial} throws it (a refusal, say), once. */
    public volatile RuntimeException dialFailure;
    /** When set, the next {@link #outboundResult} throws it, once. */
    public volatile RuntimeException resultFailure;
    private final Map<Long, dev.switchboard.api.OutboundRecordView> heldRecords = new ConcurrentHashMap<>();

    @Override
    public List<dev.switchboard.api.CampaignView> outboundCampaigns() {
        calls.add("outboundCampaigns");
        return List.copyOf(campaigns);
    }

    @Override
    public dev.switchboard.api.OutboundNextView outboundNext(long campaignId) {
        calls.add("outboundNext " + campaignId);
        nextAsks.add(campaignId);
        dev.switchboard.api.OutboundNextView v = nextAnswers.poll();
        if (v == null) {
            return new dev.switchboard.api.OutboundNextView(null, null, null, "no record is left to dial", null);
        }
        if (v.record() != null) {
            heldRecords.put(v.record().id(), v.record());
        }
        return v;
    }

    @Override
    public dev.switchboard.api.OutboundRecordView outboundRecord(long recordId) {
        return heldRecords.get(recordId);
    }

    @Override
    public dev.switchboard.api.OutboundDialView outboundDial(long recordId) {
        calls.add("outboundDial " + recordId);
        outboundDials.add(recordId);
        RuntimeException failure = dialFailure;
        if (failure != null) {
            dialFailure = null;
            throw failure;
        }
        dev.switchboard.api.OutboundRecordView r = heldRecords.get(recordId);
        ScreenPop pop = dial(new DialRequest(r.number(), r.customerId()));
        return new dev.switchboard.api.OutboundDialView(r, pop);
    }

    @Override
    public dev.switchboard.api.OutboundRecordView outboundSkip(long recordId, String reason) {
        calls.add("outboundSkip " + recordId);
        outboundSkips.add(recordId);
        return heldRecords.get(recordId);
    }

    @Override
    public dev.switchboard.api.OutboundRecordView outboundResult(long recordId,
                                                               dev.switchboard.api.OutboundResultRequest request) {
        calls.add("outboundResult " + recordId + " " + request.result() + " " + request.disposition());
        RuntimeException failure = resultFailure;
        if (failure != null) {
            resultFailure = null;
            throw failure;
        }
        outboundResults.add(new AbstractMap.SimpleEntry<>(recordId, request));
        return heldRecords.get(recordId);
    }

    /** Every seat taken (join) and given up (leave), by campaign. */
    public final List<Long> outboundJoins = new CopyOnWriteArrayList<>();
    public final List<Long> outboundLeaves = new CopyOnWriteArrayList<>();
    /** The dialled record {@link #outboundJoin} says the agent still holds; null: none. */
    public volatile dev.switchboard.api.OutboundRecordView seatInHand;
    /** What {@link #outboundAttempts} answers, by record. */
    public final Map<Long, List<dev.switchboard.api.OutboundLogEntryView>> dialLogs = new ConcurrentHashMap<>();

    @Override
    public dev.switchboard.api.OutboundSeatView outboundJoin(long campaignId) {
        calls.add("outboundJoin " + campaignId);
        outboundJoins.add(campaignId);
        return new dev.switchboard.api.OutboundSeatView(campaignId, true, 1, "1 call out · one call per ready agent",
                seatInHand, null);
    }

    @Override
    public dev.switchboard.api.OutboundSeatView outboundLeave(long campaignId) {
        calls.add("outboundLeave " + campaignId);
        outboundLeaves.add(campaignId);
        return new dev.switchboard.api.OutboundSeatView(campaignId, false, 0, "", null, null);
    }

    @Override
    public List<dev.switchboard.api.OutboundLogEntryView> outboundAttempts(long recordId) {
        return dialLogs.getOrDefault(recordId, List.of());
    }

    /** The record as the server now has it (dialled by a request whose answer was lost, say). */
    public void holdRecord(dev.switchboard.api.OutboundRecordView r) {
        heldRecords.put(r.id(), r);
    }

    /** The dialler puts this record's call through: the record is held, the call placed, the event sent. */
    public dev.switchboard.api.OutboundDialView putThrough(dev.switchboard.api.OutboundRecordView r) {
        heldRecords.put(r.id(), r);
        ScreenPop pop = dial(new DialRequest(r.number(), r.customerId()));
        dev.switchboard.api.OutboundDialView v = new dev.switchboard.api.OutboundDialView(r, pop);
        emit(dev.switchboard.api.EventTypes.OUTBOUND_CALL, v);
        return v;
    }

    // ---- driving the event stream from a test ----

    public boolean subscribed() {
        return listener != null;
    }

    public void emit(String type, Object payload) {
        EventListener l = listener;
        if (l == null) {
            throw new IllegalStateException("nobody follows the stream yet");
        }
        l.onEvent(new StreamEvent(seq.incrementAndGet(), type, payload));
    }

    /** Emits when someone follows the stream (the server does not hold events for nobody). */
    private void publish(String type, Object payload) {
        if (listener != null) {
            emit(type, payload);
        }
    }

    /** The call changed at the server (the phone answered, the caller hung up...): stored and published. */
    public CallView changeCall(long interactionId, CallState state, String problem) {
        CallView c = phoneCalls.get(interactionId);
        CallView next = new CallView(interactionId, state, c != null && c.onHold(), c != null && c.muted(),
                c == null ? "" : c.digits(), problem, c != null && state == CallState.CONNECTED ? c.consult() : null);
        phoneCalls.put(interactionId, next);
        publish(EventTypes.CALL, next);
        return next;
    }

    /** The caller pressed keys on their phone. */
    public CallView callerPressed(long interactionId, String digits) {
        CallView c = phoneCalls.get(interactionId);
        CallView next = new CallView(interactionId, c.state(), c.onHold(), c.muted(), c.digits() + digits,
                c.problem(), c.consult());
        phoneCalls.put(interactionId, next);
        publish(EventTypes.CALL, next);
        return next;
    }

    /** The agent's phone registered or went away. */
    public void changePhone(boolean registered) {
        PhoneView p = phone;
        phone = new PhoneView(p.agentId(), registered, registered ? p.contact() : null,
                registered ? Fixtures.NOW.plusSeconds(3600) : null, p.registrar());
        publish(EventTypes.PHONE, phone);
    }

    public void disconnect(String reason) {
        listener.onDisconnected(reason);
    }

    public void connect() {
        listener.onConnected();
    }

    /** The server forgot the session (it answered the stream with 401). */
    public void endSession() {
        listener.onSessionEnded();
    }

    // ---- the API ----

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:1";
    }

    @Override
    public LoginResponse login(String username, String password) {
        calls.add("login " + username);
        if (unreachable) {
            throw new ServerUnreachableException("connection refused", null);
        }
        if (!USER.equals(username) || !PASSWORD.equals(password)) {
            throw new ApiException(401, new ApiError("unauthorized", "Wrong user name or password.", null));
        }
        return new LoginResponse("token-1", agent, 0);
    }

    @Override
    public void logout() {
        calls.add("logout");
    }

    @Override
    public AgentView me() {
        calls.add("me");
        return agent;
    }

    @Override
    public AgentView setState(AgentState state, String reasonCode) {
        calls.add("setState " + state + (reasonCode == null ? "" : " " + reasonCode));
        AgentView a = agent;
        boolean working = a.state() == AgentState.BUSY || a.state() == AgentState.WRAP_UP;
        // while working, the asked-for state waits for the work to end: only the reason is kept
        AgentState next = working ? a.state() : state;
        String reason = state == AgentState.NOT_READY ? reasonCode : null;
        agent = new AgentView(a.id(), a.username(), a.displayName(), a.role(), next, reason,
                working ? a.stateSince() : Fixtures.NOW, a.skills(), a.capacity());
        return agent;
    }

    /** The server's own view of the agent changed (work began or ended). */
    public void setAgent(AgentState state, String reasonCode, Instant since) {
        AgentView a = agent;
        agent = new AgentView(a.id(), a.username(), a.displayName(), a.role(), state, reasonCode, since, a.skills(),
                a.capacity());
    }

    /** Asking for the centre's settings blocks until this opens (null: never). */
    public volatile CountDownLatch configGate;

    @Override
    public ConfigView config() {
        calls.add("config");
        CountDownLatch gate = configGate;
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return config;
    }

    @Override
    public List<QueueEntryView> queue() {
        calls.add("queue");
        return List.copyOf(queue);
    }

    @Override
    public List<ScreenPop> activeWork() {
        calls.add("activeWork");
        return List.copyOf(active);
    }

    @Override
    public List<CustomerSummary> search(String text, int limit) {
        calls.add("search " + text);
        if (failSearch) {
            throw new ApiException(503, new ApiError("unavailable", "Search is unavailable right now.", null));
        }
        String q = text.toLowerCase(Locale.ROOT);
        List<CustomerSummary> found = new ArrayList<>();
        for (CustomerSummary c : customers.values()) {
            boolean hit = c.displayName().toLowerCase(Locale.ROOT).contains(q)
                    || c.contactPoints().stream().anyMatch(p -> p.value().toLowerCase(Locale.ROOT).contains(q));
            if (hit && found.size() < limit) {
                found.add(c);
            }
        }
        found.sort((a, b) -> a.displayName().compareTo(b.displayName()));
        return found;
    }

    @Override
    public CustomerSummary customer(long id) {
        calls.add("customer " + id);
        return customers.get(id);
    }

    @Override
    public CustomerSummary createCustomer(NewCustomerRequest request) {
        calls.add("createCustomer " + request.interactionId());
        created.add(request);
        long id = ids.incrementAndGet();
        List<ContactPointView> points = new ArrayList<>();
        for (NewContactPoint p : request.contactPoints()) {
            points.add(new ContactPointView(p.kind(), p.value(), p.label(), p.value()));
        }
        String name = ((request.firstName() == null ? "" : request.firstName()) + " "
                + (request.lastName() == null ? "" : request.lastName())).strip();
        CustomerSummary c = new CustomerSummary(id, name, request.company(), "New", BigDecimal.ZERO, null, points);
        customers.put(id, c);
        if (request.interactionId() != null) {
            link(request.interactionId(), id);
        }
        return c;
    }

    @Override
    public TimelinePage timeline(long customerId, String cursor, int limit) {
        calls.add("timeline " + customerId + " " + cursor);
        List<InteractionView> all = history.getOrDefault(customerId, List.of());
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + limit);
        List<InteractionView> page = new ArrayList<>();
        for (InteractionView v : all.subList(from, to)) {
            page.add(v);
        }
        return new TimelinePage(page, to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public List<TicketView> openTickets(long customerId) {
        calls.add("openTickets " + customerId);
        return tickets.getOrDefault(customerId, List.of());
    }

    @Override
    public TicketView ticket(long id) {
        calls.add("ticket " + id);
        check();
        TicketView t = ticketsById.get(id);
        if (t == null) {
            t = tickets.values().stream().flatMap(List::stream).filter(x -> x.id() == id).findFirst()
                    .orElseThrow(() -> new ApiException(404, new ApiError("not_found", "No such ticket.", null)));
        }
        return t;
    }

    /** Every ticket created, in order. */
    public final List<NewTicketRequest> createdTickets = new CopyOnWriteArrayList<>();

    /**
     * As the server: a complaint needs severity, department and category, is promised for two days
     * on, and its history gives the acknowledgement to read out on a call.
     */
    @Override
    public TicketView createTicket(NewTicketRequest request) {
        calls.add("createTicket " + request.customerId());
        check();
        TicketKind kind = request.kind() == null ? TicketKind.QUESTION : request.kind();
        if (kind == TicketKind.COMPLAINT && request.severity() == null) {
            throw new ApiException(400, new ApiError("bad_request", "a complaint needs a severity", "severity"));
        }
        createdTickets.add(request);
        long id = ids.incrementAndGet();
        Instant promised = request.promisedAt() != null ? request.promisedAt() : Fixtures.NOW.plus(Duration.ofDays(2));
        List<TicketHistoryView> history = new ArrayList<>();
        history.add(new TicketHistoryView(Fixtures.NOW, agent.id(), agent.displayName(), kind == TicketKind.COMPLAINT
                ? "Complaint opened (" + request.severity() + ", " + request.department() + ", " + request.category() + ")"
                : "Opened"));
        if (kind == TicketKind.COMPLAINT) {
            history.add(new TicketHistoryView(Fixtures.NOW, agent.id(), agent.displayName(),
                    "Acknowledge on the call, tell the customer: We have received your complaint about \""
                            + request.subject() + "\" (our reference T-" + id + ")."));
        }
        SlaView resolution = new SlaView(1440, 0, Fixtures.NOW.plus(Duration.ofDays(2)), SlaState.RUNNING, null);
        CaseView file = new CaseView(kind, new SlaView(120, 0, Fixtures.NOW.plus(Duration.ofHours(2)), SlaState.RUNNING,
                null), resolution, request.severity(), request.department(), request.category(),
                kind == TicketKind.COMPLAINT ? promised : null, null, null, List.of(), List.of(), history);
        List<TicketNoteView> notes = request.note() == null || request.note().isBlank() ? List.of()
                : List.of(new TicketNoteView(ids.incrementAndGet(), agent.id(), agent.displayName(), request.note(),
                Fixtures.NOW));
        TicketView t = new TicketView(id, request.customerId(), request.subject(), TicketStatus.OPEN,
                request.priority() == null ? TicketPriority.NORMAL : request.priority(), Fixtures.NOW, Fixtures.NOW, 1,
                request.interactionId() == null ? List.of() : List.of(request.interactionId()), notes, null, null, file);
        ticketsById.put(id, t);
        tickets.merge(request.customerId(), List.of(t), (a, b) -> {
            List<TicketView> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        });
        return t;
    }

    /** Tickets merged, split, linked or watched: "merge 1 2", "watch 1 true", ... */
    public final List<String> ticketActions = new CopyOnWriteArrayList<>();
    /** What {@link #customerInsight} answers per customer (a plain one when absent). */
    public final Map<Long, CustomerInsightView> insights = new ConcurrentHashMap<>();
    public final List<PermissionRequest> permissionsSet = new CopyOnWriteArrayList<>();

    @Override
    public TicketView addNote(long ticketId, String body, NoteVisibility visibility) {
        TicketView t = addNote(ticketId, body);
        List<TicketNoteView> notes = new ArrayList<>(t.notes());
        TicketNoteView last = notes.remove(notes.size() - 1);
        notes.add(new TicketNoteView(last.id(), last.authorId(), last.authorName(), last.body(), last.createdAt(),
                visibility));
        TicketView next = new TicketView(t.id(), t.customerId(), t.subject(), t.status(), t.priority(), t.createdAt(),
                t.updatedAt(), t.version(), t.interactionIds(), notes, t.dueAt(),
                visibility == NoteVisibility.REPLY && t.firstResponseAt() == null ? Fixtures.NOW : t.firstResponseAt(),
                t.caseFile());
        store(next);
        return next;
    }

    @Override
    public TicketView mergeTicket(long ticketId, long duplicateId) {
        check();
        ticketActions.add("merge " + ticketId + " " + duplicateId);
        return ticket(ticketId);
    }

    @Override
    public TicketView splitTicket(long ticketId, TicketSplitRequest request) {
        check();
        ticketActions.add("split " + ticketId + " " + request.subject());
        return ticket(ticketId);
    }

    @Override
    public TicketView linkTicket(long ticketId, long otherId, boolean link) {
        check();
        ticketActions.add("link " + ticketId + " " + otherId + " " + link);
        TicketView t = ticket(ticketId);
        List<Long> linked = new ArrayList<>(t.caseFile().linkedTicketIds());
        linked.remove(otherId);
        if (link) {
            linked.add(otherId);
        }
        return withCase(t, new CaseView(t.caseFile().kind(), t.caseFile().firstResponse(), t.caseFile().resolution(),
                t.caseFile().severity(), t.caseFile().department(), t.caseFile().category(), t.caseFile().promisedAt(),
                t.caseFile().addressed(), t.caseFile().mergedInto(), linked, t.caseFile().watcherIds(),
                t.caseFile().history()));
    }

    @Override
    public TicketView watchTicket(long ticketId, boolean watch) {
        check();
        ticketActions.add("watch " + ticketId + " " + watch);
        TicketView t = ticket(ticketId);
        List<Long> watchers = new ArrayList<>(t.caseFile().watcherIds());
        watchers.remove(agent.id());
        if (watch) {
            watchers.add(agent.id());
        }
        return withCase(t, new CaseView(t.caseFile().kind(), t.caseFile().firstResponse(), t.caseFile().resolution(),
                t.caseFile().severity(), t.caseFile().department(), t.caseFile().category(), t.caseFile().promisedAt(),
                t.caseFile().addressed(), t.caseFile().mergedInto(), t.caseFile().linkedTicketIds(), watchers,
                t.caseFile().history()));
    }

    private TicketView withCase(TicketView t, CaseView file) {
        TicketView next = new TicketView(t.id(), t.customerId(), t.subject(), t.status(), t.priority(), t.createdAt(),
                Fixtures.NOW, t.version() + 1, t.interactionIds(), t.notes(), t.dueAt(), t.firstResponseAt(), file);
        store(next);
        return next;
    }

    /** As the server: the do-not-upsell hint while one of the customer's complaints is open. */
    @Override
    public CustomerInsightView customerInsight(long customerId) {
        calls.add("customerInsight " + customerId);
        check();
        CustomerInsightView given = insights.get(customerId);
        boolean complaint = tickets.getOrDefault(customerId, List.of()).stream()
                .map(t -> ticketsById.getOrDefault(t.id(), t))
                .anyMatch(t -> t.caseFile().openComplaint(t.status()));
        if (given != null) {
            return complaint == given.doNotUpsell() ? given : new CustomerInsightView(customerId, given.lifetimeValue(),
                    given.historic(), given.yearlySpend(), given.projected(), given.formula(), given.valueBand(),
                    given.churnSignals(), complaint, complaint ? "Complaint open: do not offer sales" : null,
                    given.permissions());
        }
        return new CustomerInsightView(customerId, new BigDecimal("1267.00"), new BigDecimal("1000.00"),
                new BigDecimal("100.00"), new BigDecimal("267.00"),
                "1,000.00 spent so far + 100.00 a year × 2.67 expected years = 1,267.00", "Silver", List.of(),
                complaint, complaint ? "Complaint open: do not offer sales" : null, List.of());
    }

    @Override
    public CustomerInsightView setPermission(long customerId, PermissionRequest request) {
        check();
        permissionsSet.add(request);
        return customerInsight(customerId);
    }

    /** What {@link #duplicatesFor} answers: every listed suggestion whose customer shares a part asked about. */
    public final List<dev.switchboard.api.DuplicateView> duplicateSuggestions = new CopyOnWriteArrayList<>();
    /** Every probe {@link #duplicatesFor} was asked, in order. */
    public final List<dev.switchboard.api.DuplicateProbe> duplicateProbes = new CopyOnWriteArrayList<>();
    /** What {@link #duplicatesOf} answers per customer (none when absent). */
    public final Map<Long, List<dev.switchboard.api.DuplicateView>> duplicatesByCustomer = new ConcurrentHashMap<>();
    /** When set, {@link #mergeCustomer} throws it instead of merging. */
    public volatile RuntimeException mergeFailure;
    /** When set, {@link #mergeCustomer} waits for it before answering (to see the dialog's progress). */
    public volatile java.util.concurrent.CountDownLatch mergeGate;

    @Override
    public List<dev.switchboard.api.DuplicateView> duplicatesFor(dev.switchboard.api.DuplicateProbe probe) {
        calls.add("duplicatesFor");
        check();
        duplicateProbes.add(probe);
        String phone = probe.phone() == null ? "" : probe.phone().replaceAll("[^+0-9]", "");
        if (!phone.isEmpty() && !phone.startsWith("+")) {
            throw new ApiException(400, new ApiError("invalid", "'" + probe.phone() + "' is not a valid phone number",
                    "phone"));
        }
        String last = probe.lastName() == null ? "" : probe.lastName().strip().toLowerCase(java.util.Locale.ROOT);
        List<dev.switchboard.api.DuplicateView> out = new ArrayList<>();
        for (dev.switchboard.api.DuplicateView d : duplicateSuggestions) {
            CustomerSummary c = d.customer();
            boolean samePhone = !phone.isEmpty() && c.contactPoints().stream()
                    .anyMatch(p -> p.value().replaceAll("[^+0-9]", "").equals(phone));
            boolean sameLast = !last.isEmpty() && c.displayName().toLowerCase(java.util.Locale.ROOT).endsWith(last);
            if (samePhone || sameLast) {
                out.add(d);
            }
        }
        return out;
    }

    @Override
    public List<dev.switchboard.api.DuplicateView> duplicatesOf(long customerId) {
        calls.add("duplicatesOf " + customerId);
        check();
        return duplicatesByCustomer.getOrDefault(customerId, List.of());
    }

    @Override
    public dev.switchboard.api.CustomerMergeView mergeCustomer(long customerId, long duplicateId) {
        calls.add("mergeCustomer " + customerId + " " + duplicateId);
        check();
        java.util.concurrent.CountDownLatch gate = mergeGate;
        if (gate != null) {
            try {
                gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (mergeFailure != null) {
            throw mergeFailure;
        }
        CustomerSummary keep = customers.get(customerId);
        CustomerSummary gone = customers.get(duplicateId);
        if (keep == null || gone == null) {
            throw new ApiException(404, new ApiError("not_found", "customer " + (keep == null ? customerId : duplicateId)
                    + " does not exist", null));
        }
        List<ContactPointView> points = new ArrayList<>(keep.contactPoints());
        int moved = 0;
        for (ContactPointView p : gone.contactPoints()) {
            if (points.stream().noneMatch(q -> q.value().equals(p.value()))) {
                points.add(p);
                moved++;
            }
        }
        CustomerSummary merged = new CustomerSummary(keep.id(), keep.displayName(), keep.company(), keep.segment(),
                keep.lifetimeValue(), keep.address(), points);
        customers.put(customerId, merged);
        customers.remove(duplicateId);
        List<dev.switchboard.api.DuplicateView> left = new ArrayList<>(duplicatesByCustomer.getOrDefault(customerId,
                List.of()));
        left.removeIf(d -> d.customer().id() == duplicateId);
        duplicatesByCustomer.put(customerId, left);
        List<TicketView> goneTickets = tickets.getOrDefault(duplicateId, List.of());
        return new dev.switchboard.api.CustomerMergeView(merged, 2, duplicateId, new dev.switchboard.api.CustomerMergeView.Moved(
                moved, gone.contactPoints().size() - moved, 0, goneTickets.size(), 0, 0, 0, 0, 0, false, List.of()));
    }

    /** What {@link #firstResponseReport} answers, for whatever days are asked; null: no tickets. */
    public volatile FirstResponseReportView firstResponses;
    /** What {@link #complaintReport} answers, for whatever days are asked; null: no complaints. */
    public volatile ComplaintReportView complaints;

    @Override
    public FirstResponseReportView firstResponseReport(int days) {
        calls.add("firstResponseReport " + days);
        check();
        FirstResponseReportView given = firstResponses;
        return given == null ? new FirstResponseReportView(days, List.of(), List.of())
                : new FirstResponseReportView(days, given.kinds(), given.tickets());
    }

    @Override
    public ComplaintReportView complaintReport(int days) {
        calls.add("complaintReport " + days);
        check();
        ComplaintReportView given = complaints;
        return given == null ? new ComplaintReportView(days, 0, List.of(), List.of(), List.of())
                : new ComplaintReportView(days, given.total(), given.byWeek(), given.byCategory(), given.bySegment());
    }

    /** What {@link #knowledge} answers per contact when nothing is typed; absent: nothing found. */
    public final Map<Long, dev.switchboard.api.KnowledgeView> knowledgeFor = new ConcurrentHashMap<>();
    /** What {@link #knowledge} answers to words typed, per word searched for. */
    public final Map<String, dev.switchboard.api.KnowledgeView> knowledgeSearches = new ConcurrentHashMap<>();
    /** Every article recorded as helping: "ticketId:articleId". */
    public final List<String> helpedArticles = new CopyOnWriteArrayList<>();

    @Override
    public dev.switchboard.api.KnowledgeView knowledge(Long interactionId, String query) {
        calls.add("knowledge " + interactionId + " " + (query == null ? "" : query));
        check();
        if (query != null && !query.isBlank()) {
            dev.switchboard.api.KnowledgeView v = knowledgeSearches.get(query.strip());
            return v != null ? v : new dev.switchboard.api.KnowledgeView(List.of(query.strip()), false, List.of(),
                    null, null);
        }
        dev.switchboard.api.KnowledgeView v = interactionId == null ? null : knowledgeFor.get(interactionId);
        return v != null ? v : new dev.switchboard.api.KnowledgeView(List.of(), true, List.of(), null, null);
    }

    /** The knowledge base as {@link #knowledgeArticles} answers it; {@link #saveArticle} writes here. */
    public final List<dev.switchboard.api.ArticleView> articles = new CopyOnWriteArrayList<>();
    /** The call scripts as {@link #callScripts} answers them; {@link #saveScript} writes here. */
    public final List<dev.switchboard.api.CallScriptView> scripts = new CopyOnWriteArrayList<>();
    /** When set, {@link #saveArticle} and {@link #saveScript} refuse with it. */
    public volatile ApiException knowledgeRefusal;

    @Override
    public List<dev.switchboard.api.ArticleView> knowledgeArticles() {
        calls.add("knowledgeArticles");
        check();
        return List.copyOf(articles);
    }

    @Override
    public dev.switchboard.api.ArticleView saveArticle(Long articleId, dev.switchboard.api.ArticleRequest r) {
        calls.add("saveArticle " + articleId);
        check();
        if (knowledgeRefusal != null) {
            throw knowledgeRefusal;
        }
        long id = articleId != null ? articleId : 1000 + articles.size();
        dev.switchboard.api.ArticleView saved = new dev.switchboard.api.ArticleView(id, r.title(), r.body(),
                r.keywords(), r.queueId(), r.queueId() == null ? null : "Queue " + r.queueId(), Fixtures.NOW, 0);
        articles.removeIf(a -> a.id() == id);
        articles.add(saved);
        return saved;
    }

    @Override
    public List<dev.switchboard.api.CallScriptView> callScripts() {
        calls.add("callScripts");
        check();
        return List.copyOf(scripts);
    }

    @Override
    public dev.switchboard.api.CallScriptView saveScript(dev.switchboard.api.ScriptRequest r) {
        calls.add("saveScript " + r.queueId() + " " + r.campaignId());
        check();
        if (knowledgeRefusal != null) {
            throw knowledgeRefusal;
        }
        dev.switchboard.api.CallScriptView saved = new dev.switchboard.api.CallScriptView(500 + scripts.size(),
                r.title(), r.body(), r.queueId(), r.campaignId(), "For " + (r.queueId() != null ? r.queueId() : r.campaignId()));
        scripts.removeIf(sc -> java.util.Objects.equals(sc.queueId(), r.queueId())
                && java.util.Objects.equals(sc.campaignId(), r.campaignId()));
        scripts.add(saved);
        return saved;
    }

    @Override
    public List<dev.switchboard.api.HelpedArticleView> articleHelped(long ticketId, long articleId) {
        calls.add("articleHelped " + ticketId + " " + articleId);
        check();
        helpedArticles.add(ticketId + ":" + articleId);
        return helpedArticles.stream().filter(h -> h.startsWith(ticketId + ":"))
                .map(h -> new dev.switchboard.api.HelpedArticleView(Long.parseLong(h.substring(h.indexOf(':') + 1)),
                        "Article " + h.substring(h.indexOf(':') + 1), "Agent", java.time.Instant.EPOCH)).toList();
    }

    /** Every ticket update that reached the server, in order. */
    public final List<Map.Entry<Long, TicketUpdateRequest>> ticketUpdates = new CopyOnWriteArrayList<>();
    /** Every note added to a ticket, in order. */
    public final List<Map.Entry<Long, String>> ticketNotes = new CopyOnWriteArrayList<>();
    /** A colleague changed every ticket first: updates are refused with 409, as the server does. */
    public volatile boolean conflictOnUpdate;
    /** The next note finds the server unreachable (the update before it went through). */
    public volatile boolean loseNextNote;
    /** The offline store the desktop sees; always online until a test says otherwise. */
    public final FakeSync sync = new FakeSync();

    @Override
    public SyncMonitor sync() {
        return sync;
    }

    /** As the server: only the fields given change, against the version the agent saw. */
    @Override
    public TicketView updateTicket(long id, TicketUpdateRequest request) {
        calls.add("updateTicket " + id);
        check();
        TicketView t = ticket(id);
        if (conflictOnUpdate || (request.version() != null && request.version() != t.version())) {
            throw new ApiException(409, new ApiError("conflict", "The ticket was changed by someone else.", null));
        }
        CaseView c = t.caseFile();
        boolean closing = request.status() != null && !request.status().isOpen() && t.status().isOpen();
        if (c.kind() == TicketKind.COMPLAINT && closing && request.addressed() == null && c.addressed() == null) {
            throw new ApiException(400, new ApiError("bad_request", "say whether the reply addressed the complaint",
                    "addressed"));
        }
        ticketUpdates.add(Map.entry(id, request));
        CaseView file = new CaseView(c.kind(), c.firstResponse(), c.resolution(), c.severity(), c.department(),
                c.category(), c.promisedAt(), request.addressed() != null ? request.addressed() : c.addressed(),
                c.mergedInto(), c.linkedTicketIds(), c.watcherIds(), c.history());
        TicketView next = new TicketView(t.id(), t.customerId(),
                request.subject() != null ? request.subject() : t.subject(),
                request.status() != null ? request.status() : t.status(),
                request.priority() != null ? request.priority() : t.priority(), t.createdAt(), Fixtures.NOW,
                t.version() + 1, t.interactionIds(), t.notes(), t.dueAt(), t.firstResponseAt(), file);
        store(next);
        return next;
    }

    @Override
    public TicketView addNote(long ticketId, String body) {
        calls.add("addNote " + ticketId);
        check();
        if (loseNextNote) {
            loseNextNote = false;
            throw new ServerUnreachableException("connection reset", null);
        }
        TicketView t = ticket(ticketId);
        ticketNotes.add(Map.entry(ticketId, body));
        List<TicketNoteView> notes = new ArrayList<>(t.notes());
        notes.add(new TicketNoteView(ids.incrementAndGet(), agent.id(), agent.displayName(), body, Fixtures.NOW));
        TicketView next = new TicketView(t.id(), t.customerId(), t.subject(), t.status(), t.priority(),
                t.createdAt(), Fixtures.NOW, t.version() + 1, t.interactionIds(), notes, t.dueAt(),
                t.firstResponseAt(), t.caseFile());
        store(next);
        return next;
    }

    private void store(TicketView next) {
        ticketsById.put(next.id(), next);
        tickets.computeIfPresent(next.customerId(), (customer, list) -> list.stream()
                .map(x -> x.id() == next.id() ? next : x).toList());
    }

    @Override
    public InteractionView interaction(long id) {
        calls.add("interaction " + id);
        return interactions.get(id);
    }

    @Override
    public InteractionView accept(long interactionId) {
        calls.add("accept " + interactionId);
        InteractionView accepted = move(interactionId, InteractionState.ACTIVE);
        if (accepted.channel() == Channel.PHONE) {
            // as the server does: it starts ringing the agent's phone
            changeCall(interactionId, CallState.CONNECTING, null);
        }
        return accepted;
    }

    @Override
    public InteractionView reject(long interactionId) {
        calls.add("reject " + interactionId);
        return move(interactionId, InteractionState.QUEUED);
    }

    @Override
    public InteractionView end(long interactionId) {
        calls.add("end " + interactionId);
        if (phoneCalls.containsKey(interactionId)) {
            changeCall(interactionId, CallState.ENDED, null); // hung up
        }
        InteractionView v = interactions.get(interactionId);
        RoutingView r = v.routing() != null ? v.routing() : Fixtures.routing(1L, "General", false);
        boolean required = r.wrapUpRequired() || dispositionRequired.contains(interactionId);
        RoutingView wrapping = new RoutingView(r.queueId(), r.queueName(), r.priority(), r.queuedAt(),
                r.targetAgentId(), r.transferNote(), r.callbackNumber(), r.dueAt(),
                Fixtures.NOW.plusSeconds(wrapUpSeconds), required, null, null);
        InteractionView moved = copy(move(interactionId, InteractionState.WRAP_UP), wrapping);
        interactions.put(interactionId, moved);
        return moved;
    }

    @Override
    public InteractionView wrapUp(long interactionId, WrapUpRequest request) {
        calls.add("wrapUp " + interactionId + " " + request.disposition());
        InteractionView v = interactions.get(interactionId);
        boolean required = dispositionRequired.contains(interactionId)
                || (v.routing() != null && v.routing().wrapUpRequired());
        if (required && request.disposition() == null) {
            throw new ApiException(400, new ApiError("invalid", "This queue needs a disposition.", "disposition"));
        }
        if (request.notes() != null && request.notes().length() > 200) {
            throw new ApiException(400, new ApiError("invalid", "Notes are limited to 200 characters.", "notes"));
        }
        wrapUps.add(new AbstractMap.SimpleEntry<>(interactionId, request));
        return move(interactionId, InteractionState.ENDED);
    }

    @Override
    public InteractionView transfer(long interactionId, TransferRequest request) {
        calls.add("transfer " + interactionId);
        if (request.number() != null && !NUMBER.matcher(request.number()).matches()) {
            throw new ApiException(400, new ApiError("invalid", "“" + request.number()
                    + "” is not a phone number.", "number"));
        }
        transfers.add(new AbstractMap.SimpleEntry<>(interactionId, request));
        return move(interactionId, InteractionState.QUEUED);
    }

    @Override
    public InteractionView callback(long interactionId, CallbackRequest request) {
        calls.add("callback " + interactionId);
        callbacks.add(new AbstractMap.SimpleEntry<>(interactionId, request));
        return move(interactionId, request.at() == null ? InteractionState.QUEUED : InteractionState.SCHEDULED);
    }

    @Override
    public InteractionView scheduleCallback(NewCallbackRequest request) {
        calls.add("scheduleCallback " + request.customerId());
        scheduled.add(request);
        long id = ids.incrementAndGet();
        InteractionView v = new InteractionView(id, request.customerId(), dev.switchboard.domain.Channel.PHONE,
                dev.switchboard.domain.Direction.OUTBOUND, InteractionState.SCHEDULED, request.number(),
                request.number(), null, null, Fixtures.NOW, null, null, null, null);
        interactions.put(id, v);
        return v;
    }

    @Override
    public InteractionView linkCustomer(long interactionId, long customerId) {
        calls.add("linkCustomer " + interactionId + " " + customerId);
        return link(interactionId, customerId);
    }

    @Override
    public IngestResponse ingest(IngestRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CallView call(long interactionId) {
        calls.add("call " + interactionId);
        return connectedCall(interactionId, false);
    }

    @Override
    public CallView hold(long interactionId, boolean on) {
        calls.add("hold " + interactionId + " " + on);
        CallView c = connectedCall(interactionId, true);
        if (c.consult() != null) {
            throw new ApiException(409, new ApiError("conflict", "The caller is held by the consultation.", null));
        }
        CallView next = new CallView(interactionId, c.state(), on, c.muted(), c.digits(), null);
        phoneCalls.put(interactionId, next);
        publish(EventTypes.CALL, next);
        return next;
    }

    @Override
    public CallView mute(long interactionId, boolean on) {
        calls.add("mute " + interactionId + " " + on);
        CallView c = connectedCall(interactionId, true);
        CallView next = new CallView(interactionId, c.state(), c.onHold(), on, c.digits(), null, c.consult());
        phoneCalls.put(interactionId, next);
        publish(EventTypes.CALL, next);
        return next;
    }

    /** As the server: the caller goes on hold and the consulted party rings. */
    @Override
    public CallView consult(long interactionId, ConsultRequest request) {
        calls.add("consult " + interactionId + " " + (request.number() != null ? request.number()
                : "agent " + request.agentId()));
        CallView c = connectedCall(interactionId, true);
        if (c.consult() != null) {
            throw new ApiException(409, new ApiError("conflict", "A consultation is already under way.", null));
        }
        String target;
        if (request.number() != null) {
            if (!NUMBER.matcher(request.number()).matches()) {
                throw new ApiException(400, new ApiError("invalid", "“" + request.number()
                        + "” is not a phone number.", "number"));
            }
            target = request.number();
        } else {
            target = config.agents().stream().filter(a -> a.id() == request.agentId()).findFirst()
                    .map(a -> a.displayName()).orElseThrow(() -> new ApiException(400,
                            new ApiError("invalid", "No such agent.", "agentId")));
        }
        consults.put(interactionId, request);
        return changeConsult(interactionId, new ConsultView(target, ConsultView.RINGING), true, null);
    }

    /** The consulted party picked up. */
    public CallView consultAnswered(long interactionId) {
        CallView c = phoneCalls.get(interactionId);
        return changeConsult(interactionId, new ConsultView(c.consult().target(), ConsultView.CONNECTED), true, null);
    }

    /** The consulted party did not answer or refused: the caller is back, and the server says why. */
    public CallView consultFailed(long interactionId, String problem) {
        consults.remove(interactionId);
        return changeConsult(interactionId, null, false, problem);
    }

    /**
     * As the server: the caller goes to the consulted party and the agent leaves the call; to a number
     * the contact ends for the agent, to a colleague it becomes theirs.
     */
    @Override
    public CallView completeConsult(long interactionId) {
        calls.add("completeConsult " + interactionId);
        CallView c = connectedCall(interactionId, true);
        ConsultRequest to = consults.remove(interactionId);
        if (c.consult() == null || to == null) {
            throw new ApiException(409, new ApiError("conflict", "No consultation is under way.", null));
        }
        CallView ended = new CallView(interactionId, CallState.ENDED, false, c.muted(), c.digits(), null, null);
        phoneCalls.put(interactionId, ended);
        publish(EventTypes.CALL, ended);
        InteractionView v = interactions.get(interactionId);
        InteractionView left = to.number() != null ? move(interactionId, InteractionState.ENDED)
                : new InteractionView(v.id(), v.customerId(), v.channel(), v.direction(), v.state(), v.address(),
                        v.addressDisplay(), v.subject(), v.body(), v.createdAt(), v.answeredAt(), v.endedAt(),
                        to.agentId(), v.routing());
        interactions.put(interactionId, left);
        publish(EventTypes.INTERACTION, new InteractionEvent(left));
        return ended;
    }

    /** As the server once the agent's phone took its second line: the three talk together. */
    @Override
    public CallView conference(long interactionId) {
        calls.add("conference " + interactionId);
        CallView c = connectedCall(interactionId, true);
        if (c.consult() == null || !ConsultView.CONNECTED.equals(c.consult().state())) {
            throw new ApiException(409, new ApiError("conflict", "The consulted party has not answered yet.", null));
        }
        return changeConsult(interactionId, new ConsultView(c.consult().target(), ConsultView.CONFERENCE), false, null);
    }

    /** As the server: the consultation hangs up and the caller comes off hold. */
    @Override
    public CallView cancelConsult(long interactionId) {
        calls.add("cancelConsult " + interactionId);
        CallView c = connectedCall(interactionId, true);
        if (c.consult() == null) {
            throw new ApiException(409, new ApiError("conflict", "No consultation is under way.", null));
        }
        consults.remove(interactionId);
        return changeConsult(interactionId, null, false, null);
    }

    private CallView changeConsult(long interactionId, ConsultView consult, boolean onHold, String problem) {
        CallView c = phoneCalls.get(interactionId);
        CallView next = new CallView(interactionId, c.state(), onHold, c.muted(), c.digits(), problem, consult);
        phoneCalls.put(interactionId, next);
        publish(EventTypes.CALL, next);
        return next;
    }

    @Override
    public CallView sendDigits(long interactionId, String digits) {
        calls.add("digits " + interactionId + " " + digits);
        CallView c = connectedCall(interactionId, true);
        if (digits == null || !digits.matches("[0-9*#A-D]+")) {
            throw new ApiException(400, new ApiError("invalid", "Digits are 0-9, *, # and A-D.", "digits"));
        }
        CallView next = new CallView(interactionId, c.state(), c.onHold(), c.muted(), c.digits() + digits, null,
                c.consult());
        phoneCalls.put(interactionId, next);
        publish(EventTypes.CALL, next);
        return next;
    }

    @Override
    public ScreenPop dial(DialRequest request) {
        calls.add("dial " + request.number());
        dialled.add(request);
        if (!phone.registered()) {
            throw new ApiException(409, new ApiError("conflict", "Your phone is not registered", null));
        }
        if (request.number() == null || !NUMBER.matcher(request.number()).matches()) {
            throw new ApiException(400, new ApiError("invalid", "“" + request.number()
                    + "” is not a phone number.", "number"));
        }
        String digits = request.number().replaceAll("[^0-9+]", "");
        CustomerSummary customer = request.customerId() != null ? customers.get(request.customerId())
                : customers.values().stream().filter(c -> c.contactPoints().stream().anyMatch(
                        p -> p.kind() == ContactKind.PHONE && p.value().equals(digits))).findFirst().orElse(null);
        long id = ids.incrementAndGet();
        InteractionView v = new InteractionView(id, customer == null ? null : customer.id(), Channel.PHONE,
                Direction.OUTBOUND, InteractionState.ACTIVE, digits, request.number(), null, null, Fixtures.NOW,
                Fixtures.NOW, null, agent.id(), null);
        interactions.put(id, v);
        // the server rings the agent's phone first, and says so before it answers
        changeCall(id, CallState.CONNECTING, null);
        return new ScreenPop(v, customer == null ? MatchKind.UNKNOWN : MatchKind.SINGLE, customer, List.of(),
                customer == null ? List.of() : tickets.getOrDefault(customer.id(), List.of()),
                customer == null ? List.of() : Fixtures.truncated(history.getOrDefault(customer.id(), List.of()), 20));
    }

    /** Conversations of text contacts, by interaction id. */
    public final Map<Long, ConversationView> conversations = new ConcurrentHashMap<>();
    /** Every answer that reached the server, in order (repeats with the same key included). */
    public final List<Map.Entry<Long, SendMessageRequest>> sent = new CopyOnWriteArrayList<>();
    /** Every answer the desktop tried to send, also those that never reached the server. */
    public final List<Map.Entry<Long, SendMessageRequest>> attempts = new CopyOnWriteArrayList<>();
    public final List<Map.Entry<Long, TranscriptRequest>> transcripts = new CopyOnWriteArrayList<>();
    public final List<CannedResponseView> canned = new CopyOnWriteArrayList<>();
    /** Tickets {@link #ticket(long)} answers, besides the customers' open tickets. */
    public final Map<Long, TicketView> ticketsById = new ConcurrentHashMap<>();
    /** The bytes of attachments; any other id answers three bytes. */
    public final Map<Long, byte[]> attachments = new ConcurrentHashMap<>();
    /** The next this many sends find the server unreachable. */
    public final AtomicInteger unreachableSends = new AtomicInteger();
    /** The next N sends reach the server, but their answers are lost on the way back. */
    public final AtomicInteger lostAnswers = new AtomicInteger();
    /** Each send blocks until this opens (null: never): a test sees the answer on its way. */
    public volatile CountDownLatch sendGate;
    /** The channel refuses the next send with this reason (502), once. */
    public volatile String refuseNextSend;
    private final Map<String, MessageView> answered = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong(5000);

    private void check() {
        if (unreachable) {
            throw new ServerUnreachableException("connection refused", null);
        }
    }

    @Override
    public ConversationView conversation(long interactionId) {
        calls.add("conversation " + interactionId);
        check();
        ConversationView c = conversations.get(interactionId);
        if (c == null) {
            throw new ApiException(404, new ApiError("not_found", "interaction " + interactionId + " does not exist", null));
        }
        return c;
    }

    /** As the server: once per key (a repeat gets the first answer), the new line published as an event. */
    @Override
    public MessageView sendMessage(long interactionId, SendMessageRequest request) {
        calls.add("send " + interactionId);
        attempts.add(Map.entry(interactionId, request));
        CountDownLatch gate = sendGate;
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        check();
        if (unreachableSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ServerUnreachableException("connection reset", null);
        }
        sent.add(Map.entry(interactionId, request));
        MessageView first = answered.get(request.clientKey());
        if (first != null) {
            if (lostAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ServerUnreachableException("connection reset after the request was sent", null);
            }
            if (first.status() == MessageStatus.FAILED) {
                throw refused(first.statusDetail());
            }
            return first;
        }
        if (request.mode() == ReplyMode.FORWARD && (request.to() == null || request.to().isEmpty())) {
            throw new ApiException(400, new ApiError("invalid", "say who to forward the e-mail to", "to"));
        }
        String reason = refuseNextSend;
        refuseNextSend = null;
        MessageView line = new MessageView(messageIds.incrementAndGet(), interactionId, MessageDirection.OUTBOUND,
                agent.displayName(), request.subject(), request.text(), null, request.to(), request.cc(),
                reason == null ? MessageStatus.SENT : MessageStatus.FAILED, reason == null ? "" : reason, List.of(),
                Fixtures.NOW);
        answered.put(request.clientKey(), line);
        publish(EventTypes.MESSAGE, new MessageEvent(interactionId, line));
        if (lostAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ServerUnreachableException("connection reset after the request was sent", null);
        }
        if (reason != null) {
            throw refused(reason);
        }
        return line;
    }

    private static ApiException refused(String reason) {
        return new ApiException(502, new ApiError("send_failed", reason, null));
    }

    /** The customer wrote: a new line on the stream. */
    public MessageView customerWrites(long interactionId, long messageId, String author, String text) {
        MessageView line = new MessageView(messageId, interactionId, MessageDirection.INBOUND, author, null, text,
                null, List.of(), List.of(), MessageStatus.RECEIVED, "", List.of(), Fixtures.NOW);
        emit(EventTypes.MESSAGE, new MessageEvent(interactionId, line));
        return line;
    }

    @Override
    public void typing(long interactionId, boolean typing) {
        calls.add("typing " + interactionId + " " + typing);
    }

    @Override
    public MessageView emailTranscript(long interactionId, TranscriptRequest request) {
        calls.add("transcript " + interactionId);
        check();
        transcripts.add(Map.entry(interactionId, request));
        return new MessageView(messageIds.incrementAndGet(), interactionId, MessageDirection.SYSTEM, "",
                "Your chat transcript", "Transcript e-mailed to " + request.to(), null, List.of(request.to()), List.of(),
                MessageStatus.SENT, "", List.of(), Fixtures.NOW);
    }

    @Override
    public byte[] attachment(long attachmentId) {
        calls.add("attachment " + attachmentId);
        check();
        return attachments.getOrDefault(attachmentId, new byte[] {1, 2, 3});
    }

    @Override
    public List<CannedResponseView> cannedResponses() {
        calls.add("canned");
        check();
        return List.copyOf(canned);
    }

    @Override
    public PhoneView phone() {
        calls.add("phone");
        if (failPhone) {
            throw new ApiException(404, new ApiError("not_found", "No such route.", null));
        }
        return phone;
    }

    /** The call of an interaction; {@code live}: it must be connected, as the server insists for hold and tones. */
    private CallView connectedCall(long interactionId, boolean live) {
        CallView c = phoneCalls.get(interactionId);
        if (c == null) {
            throw new ApiException(404, new ApiError("not_found", "That contact has no call.", null));
        }
        if (live && c.state() != CallState.CONNECTED) {
            throw new ApiException(409, new ApiError("conflict", "The call is not connected.", null));
        }
        return c;
    }

    @Override
    public EventSubscription subscribe(long lastSeenSeq, EventListener next) {
        calls.add("subscribe " + lastSeenSeq);
        listener = next;
        next.onConnected();
        return new EventSubscription() {
            @Override
            public long lastSeq() {
                return seq.get();
            }

            @Override
            public boolean connected() {
                return listener == next;
            }

            @Override
            public void close() {
                if (listener == next) {
                    listener = null;
                }
            }
        };
    }

    private InteractionView link(long interactionId, long customerId) {
        InteractionView v = interactions.get(interactionId);
        if (v == null) {
            throw new ApiException(404, new ApiError("not_found", "That contact no longer exists.", null));
        }
        InteractionView linked = new InteractionView(v.id(), customerId, v.channel(), v.direction(), v.state(),
                v.address(), v.addressDisplay(), v.subject(), v.body(), v.createdAt(), v.answeredAt(), v.endedAt(),
                v.agentId(), v.routing());
        interactions.put(interactionId, linked);
        return linked;
    }

    private InteractionView move(long interactionId, InteractionState state) {
        InteractionView v = interactions.get(interactionId);
        Instant now = Fixtures.NOW;
        InteractionView moved = new InteractionView(v.id(), v.customerId(), v.channel(), v.direction(), state,
                v.address(), v.addressDisplay(), v.subject(), v.body(), v.createdAt(),
                state == InteractionState.ACTIVE ? now : v.answeredAt(),
                state == InteractionState.WRAP_UP || state == InteractionState.ENDED ? now : v.endedAt(),
                v.agentId(), v.routing());
        interactions.put(interactionId, moved);
        return moved;
    }

    private static InteractionView copy(InteractionView v, RoutingView routing) {
        return new InteractionView(v.id(), v.customerId(), v.channel(), v.direction(), v.state(), v.address(),
                v.addressDisplay(), v.subject(), v.body(), v.createdAt(), v.answeredAt(), v.endedAt(), v.agentId(),
                routing);
    }
}
