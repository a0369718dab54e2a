package dev.switchboard.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.CampaignActiveRequest;
import dev.switchboard.api.OutboundLogEntryView;
import dev.switchboard.api.OutboundSeatView;
import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.ApiError;
import dev.switchboard.api.CallControlRequest;
import dev.switchboard.api.CallView;
import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.CannedResponseView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.ConsultRequest;
import dev.switchboard.api.ConversationView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DialRequest;
import dev.switchboard.api.DigitsRequest;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.Json;
import dev.switchboard.api.LinkCustomerRequest;
import dev.switchboard.api.LoginRequest;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.MoveRequest;
import dev.switchboard.api.NewCallbackRequest;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.ComplaintReportView;
import dev.switchboard.api.CustomerInsightView;
import dev.switchboard.api.FirstResponseReportView;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.PermissionRequest;
import dev.switchboard.api.TicketLinkRequest;
import dev.switchboard.api.TicketMergeRequest;
import dev.switchboard.api.TicketSplitRequest;
import dev.switchboard.domain.NoteVisibility;
import dev.switchboard.api.NoteRequest;
import dev.switchboard.api.PhoneView;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.QueuePriorityRequest;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.StateRequest;
import dev.switchboard.api.SupervisorIntervalsView;
import dev.switchboard.api.CampaignView;
import dev.switchboard.api.OutboundDialView;
import dev.switchboard.api.OutboundNextView;
import dev.switchboard.api.OutboundRecordView;
import dev.switchboard.api.OutboundResultRequest;
import dev.switchboard.api.OutboundSkipRequest;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.api.SyncPage;
import dev.switchboard.api.SyncRequest;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.api.TranscriptRequest;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.api.TypingRequest;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.domain.AgentState;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@link SwitchboardApi} over HTTP: JSON requests with the bearer token, errors decoded. */
public final class HttpSwitchboardApi implements SwitchboardApi {
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper mapper = Json.lenient();
    private volatile String token;
    private final ServerCertificate trust;

    public HttpSwitchboardApi(String baseUrl) {
        this(baseUrl, (ServerCertificate) null);
    }

    /**
     * Over https to a server whose certificate is {@code trust} (the embedded default's, or one given
     * with {@code --trust-cert}); null trusts the JDK's certificate authorities.
     */
    public HttpSwitchboardApi(String baseUrl, ServerCertificate trust) {
        this(baseUrl, ServerCertificate.apply(trust, new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(45)))
                .build(), trust);
    }

    public HttpSwitchboardApi(String baseUrl, OkHttpClient http) {
        this(baseUrl, http, null);
    }

    private HttpSwitchboardApi(String baseUrl, OkHttpClient http, ServerCertificate trust) {
        this.trust = trust;
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) address: " + baseUrl);
        }
        this.base = parsed;
        this.http = http;
    }

    @Override
    public String baseUrl() {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The certificate this client trusts instead of the JDK's authorities, or null. */
    public ServerCertificate trust() {
        return trust;
    }

    /** The token of the current session, or null before sign-in. */
    public String token() {
        return token;
    }

    @Override
    public LoginResponse login(String username, String password) {
        LoginResponse r = send("POST", url("login"), new LoginRequest(username, password), LoginResponse.class, null);
        synchronized (this) {
            token = r.token();
        }
        return r;
    }

    @Override
    public void logout() {
        String current;
        synchronized (this) {
            // forget this session's token first, so a sign-in racing with this sign-out keeps its own
            current = token;
            token = null;
        }
        if (current != null) {
            send("POST", url("logout"), Map.of(), Void.class, current);
        }
    }

    @Override
    public AgentView me() {
        return send("GET", url("me"), null, AgentView.class);
    }

    @Override
    public AgentView setState(AgentState state, String reasonCode) {
        return send("PUT", url("me", "state"), new StateRequest(state, reasonCode), AgentView.class);
    }

    @Override
    public ConfigView config() {
        return send("GET", url("config"), null, ConfigView.class);
    }

    @Override
    public List<QueueEntryView> queue() {
        return send("GET", url("queue"), null, list(QueueEntryView.class));
    }

    @Override
    public List<ScreenPop> activeWork() {
        return send("GET", url("me", "work"), null, list(ScreenPop.class));
    }

    @Override
    public List<CustomerSummary> search(String text, int limit) {
        HttpUrl u = url("customers").newBuilder().addQueryParameter("q", text)
                .addQueryParameter("limit", Integer.toString(limit)).build();
        return send("GET", u, null, list(CustomerSummary.class));
    }

    @Override
    public CustomerSummary customer(long id) {
        return send("GET", url("customers", Long.toString(id)), null, CustomerSummary.class);
    }

    @Override
    public CustomerSummary createCustomer(NewCustomerRequest request) {
        return send("POST", url("customers"), request, CustomerSummary.class);
    }

    @Override
    public TimelinePage timeline(long customerId, String cursor, int limit) {
        HttpUrl.Builder u = url("customers", Long.toString(customerId), "timeline").newBuilder()
                .addQueryParameter("limit", Integer.toString(limit));
        if (cursor != null) {
            u.addQueryParameter("cursor", cursor);
        }
        return send("GET", u.build(), null, TimelinePage.class);
    }

    @Override
    public List<TicketView> openTickets(long customerId) {
        return send("GET", url("customers", Long.toString(customerId), "tickets"), null, list(TicketView.class));
    }

    @Override
    public TicketView ticket(long id) {
        return send("GET", url("tickets", Long.toString(id)), null, TicketView.class);
    }

    @Override
    public TicketView createTicket(NewTicketRequest request) {
        return send("POST", url("tickets"), request, TicketView.class);
    }

    @Override
    public TicketView updateTicket(long id, TicketUpdateRequest request) {
        return send("PATCH", url("tickets", Long.toString(id)), request, TicketView.class);
    }

    @Override
    public TicketView addNote(long ticketId, String body) {
        return send("POST", url("tickets", Long.toString(ticketId), "notes"), new NoteRequest(body), TicketView.class);
    }

    @Override
    public TicketView addNote(long ticketId, String body, NoteVisibility visibility) {
        return send("POST", url("tickets", Long.toString(ticketId), "notes"), new NoteRequest(body, visibility),
                TicketView.class);
    }

    @Override
    public TicketView mergeTicket(long ticketId, long duplicateId) {
        return send("POST", url("tickets", Long.toString(ticketId), "merge"), new TicketMergeRequest(duplicateId),
                TicketView.class);
    }

    @Override
    public TicketView splitTicket(long ticketId, TicketSplitRequest request) {
        return send("POST", url("tickets", Long.toString(ticketId), "split"), request, TicketView.class);
    }

    @Override
    public TicketView linkTicket(long ticketId, long otherId, boolean link) {
        return link ? send("POST", url("tickets", Long.toString(ticketId), "links"), new TicketLinkRequest(otherId),
                TicketView.class)
                : send("DELETE", url("tickets", Long.toString(ticketId), "links", Long.toString(otherId)), null,
                TicketView.class);
    }

    @Override
    public TicketView watchTicket(long ticketId, boolean watch) {
        return send(watch ? "POST" : "DELETE", url("tickets", Long.toString(ticketId), "watchers"),
                watch ? Map.of() : null, TicketView.class);
    }

    @Override
    public CustomerInsightView customerInsight(long customerId) {
        return send("GET", url("customers", Long.toString(customerId), "insight"), null, CustomerInsightView.class);
    }

    @Override
    public CustomerInsightView setPermission(long customerId, PermissionRequest request) {
        return send("PUT", url("customers", Long.toString(customerId), "permissions"), request,
                CustomerInsightView.class);
    }

    @Override
    public List<dev.switchboard.api.DuplicateView> duplicatesFor(dev.switchboard.api.DuplicateProbe probe) {
        HttpUrl.Builder u = url("customers", "duplicates").newBuilder();
        String[][] parts = {{"firstName", probe.firstName()}, {"lastName", probe.lastName()}, {"phone", probe.phone()},
                {"email", probe.email()}, {"postcode", probe.postcode()}, {"country", probe.country()}};
        for (String[] part : parts) {
            if (part[1] != null && !part[1].isBlank()) {
                u.addQueryParameter(part[0], part[1]);
            }
        }
        return send("GET", u.build(), null, list(dev.switchboard.api.DuplicateView.class), token);
    }

    @Override
    public List<dev.switchboard.api.DuplicateView> duplicatesOf(long customerId) {
        return send("GET", url("customers", Long.toString(customerId), "duplicates"), null,
                list(dev.switchboard.api.DuplicateView.class), token);
    }

    @Override
    public dev.switchboard.api.CustomerMergeView mergeCustomer(long customerId, long duplicateId) {
        return send("POST", url("customers", Long.toString(customerId), "merge"),
                new dev.switchboard.api.CustomerMergeRequest(duplicateId), dev.switchboard.api.CustomerMergeView.class);
    }

    @Override
    public FirstResponseReportView firstResponseReport(int days) {
        return send("GET", url("supervisor", "reports", "first-response").newBuilder()
                .addQueryParameter("days", Integer.toString(days)).build(), null, FirstResponseReportView.class);
    }

    @Override
    public ComplaintReportView complaintReport(int days) {
        return send("GET", url("supervisor", "reports", "complaints").newBuilder()
                .addQueryParameter("days", Integer.toString(days)).build(), null, ComplaintReportView.class);
    }

    @Override
    public dev.switchboard.api.KnowledgeView knowledge(Long interactionId, String query) {
        var b = url("knowledge").newBuilder();
        if (interactionId != null) {
            b.addQueryParameter("interactionId", Long.toString(interactionId));
        }
        if (query != null && !query.isBlank()) {
            b.addQueryParameter("q", query);
        }
        return send("GET", b.build(), null, dev.switchboard.api.KnowledgeView.class);
    }

    @Override
    public List<dev.switchboard.api.HelpedArticleView> articleHelped(long ticketId, long articleId) {
        return send("POST", url("tickets", Long.toString(ticketId), "articles"),
                new dev.switchboard.api.HelpedRequest(articleId), list(dev.switchboard.api.HelpedArticleView.class));
    }

    @Override
    public List<dev.switchboard.api.ArticleView> knowledgeArticles() {
        return send("GET", url("knowledge", "articles"), null, list(dev.switchboard.api.ArticleView.class));
    }

    @Override
    public dev.switchboard.api.ArticleView saveArticle(Long articleId, dev.switchboard.api.ArticleRequest request) {
        return articleId == null
                ? send("POST", url("knowledge", "articles"), request, dev.switchboard.api.ArticleView.class)
                : send("PUT", url("knowledge", "articles", Long.toString(articleId)), request,
                        dev.switchboard.api.ArticleView.class);
    }

    @Override
    public List<dev.switchboard.api.CallScriptView> callScripts() {
        return send("GET", url("knowledge", "scripts"), null, list(dev.switchboard.api.CallScriptView.class));
    }

    @Override
    public dev.switchboard.api.CallScriptView saveScript(dev.switchboard.api.ScriptRequest request) {
        return send("PUT", url("knowledge", "scripts"), request, dev.switchboard.api.CallScriptView.class);
    }

    @Override
    public InteractionView interaction(long id) {
        return send("GET", url("interactions", Long.toString(id)), null, InteractionView.class);
    }

    @Override
    public InteractionView accept(long interactionId) {
        return send("POST", url("interactions", Long.toString(interactionId), "accept"), Map.of(), InteractionView.class);
    }

    @Override
    public InteractionView reject(long interactionId) {
        return send("POST", url("interactions", Long.toString(interactionId), "reject"), Map.of(), InteractionView.class);
    }

    @Override
    public InteractionView end(long interactionId) {
        return send("POST", url("interactions", Long.toString(interactionId), "end"), Map.of(), InteractionView.class);
    }

    @Override
    public InteractionView wrapUp(long interactionId, WrapUpRequest request) {
        return send("POST", url("interactions", Long.toString(interactionId), "wrap-up"), request, InteractionView.class);
    }

    @Override
    public InteractionView transfer(long interactionId, TransferRequest request) {
        return send("POST", url("interactions", Long.toString(interactionId), "transfer"), request, InteractionView.class);
    }

    @Override
    public InteractionView callback(long interactionId, CallbackRequest request) {
        return send("POST", url("interactions", Long.toString(interactionId), "callback"), request, InteractionView.class);
    }

    @Override
    public InteractionView scheduleCallback(NewCallbackRequest request) {
        return send("POST", url("callbacks"), request, InteractionView.class);
    }

    @Override
    public InteractionView linkCustomer(long interactionId, long customerId) {
        return send("PUT", url("interactions", Long.toString(interactionId), "customer"),
                new LinkCustomerRequest(customerId), InteractionView.class);
    }

    @Override
    public IngestResponse ingest(IngestRequest request) {
        return send("POST", url("interactions"), request, IngestResponse.class);
    }

    @Override
    public CallView call(long interactionId) {
        return send("GET", url("interactions", Long.toString(interactionId), "call"), null, CallView.class);
    }

    @Override
    public CallView hold(long interactionId, boolean on) {
        return send("POST", url("interactions", Long.toString(interactionId), "call", "hold"),
                new CallControlRequest(on), CallView.class);
    }

    @Override
    public CallView mute(long interactionId, boolean on) {
        return send("POST", url("interactions", Long.toString(interactionId), "call", "mute"),
                new CallControlRequest(on), CallView.class);
    }

    @Override
    public CallView consult(long interactionId, ConsultRequest request) {
        return send("POST", url("interactions", Long.toString(interactionId), "call", "consult"), request, CallView.class);
    }

    @Override
    public CallView completeConsult(long interactionId) {
        return send("POST", url("interactions", Long.toString(interactionId), "call", "consult", "complete"),
                Map.of(), CallView.class);
    }

    @Override
    public CallView conference(long interactionId) {
        return send("POST", url("interactions", Long.toString(interactionId), "call", "conference"), Map.of(),
                CallView.class);
    }

    @Override
    public CallView cancelConsult(long interactionId) {
        return send("POST", url("interactions", Long.toString(interactionId), "call", "consult", "cancel"),
                Map.of(), CallView.class);
    }

    @Override
    public CallView sendDigits(long interactionId, String digits) {
        return send("POST", url("interactions", Long.toString(interactionId), "call", "digits"),
                new DigitsRequest(digits), CallView.class);
    }

    @Override
    public ScreenPop dial(DialRequest request) {
        return send("POST", url("calls"), request, ScreenPop.class);
    }

    @Override
    public PhoneView phone() {
        return send("GET", url("me", "phone"), null, PhoneView.class);
    }

    @Override
    public ConversationView conversation(long interactionId) {
        return send("GET", url("interactions", Long.toString(interactionId), "conversation"), null,
                ConversationView.class);
    }

    @Override
    public MessageView sendMessage(long interactionId, SendMessageRequest request) {
        return send("POST", url("interactions", Long.toString(interactionId), "messages"), request, MessageView.class);
    }

    @Override
    public void typing(long interactionId, boolean typing) {
        send("POST", url("interactions", Long.toString(interactionId), "typing"), new TypingRequest(typing), Void.class);
    }

    @Override
    public MessageView emailTranscript(long interactionId, TranscriptRequest request) {
        return send("POST", url("interactions", Long.toString(interactionId), "transcript"), request,
                MessageView.class);
    }

    @Override
    public byte[] attachment(long attachmentId) {
        return bytes(url("attachments", Long.toString(attachmentId)));
    }

    /** A GET whose answer is raw bytes (an attachment, a CSV report). */
    private byte[] bytes(HttpUrl url) {
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token).build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody rb = response.body();
            byte[] bytes = rb == null ? new byte[0] : rb.bytes();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), decodeError(response.code(), bytes));
            }
            return bytes;
        } catch (IOException e) {
            throw new ServerUnreachableException("no answer from " + baseUrl() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<CannedResponseView> cannedResponses() {
        return send("GET", url("canned-responses"), null, list(CannedResponseView.class));
    }

    @Override
    public SupervisorView supervisorDashboard(String treatment, Integer shortAbandonSeconds) {
        HttpUrl.Builder u = url("supervisor", "dashboard").newBuilder();
        if (treatment != null) {
            u.addQueryParameter("treatment", treatment);
        }
        if (shortAbandonSeconds != null) {
            u.addQueryParameter("shortAbandon", Integer.toString(shortAbandonSeconds));
        }
        return send("GET", u.build(), null, SupervisorView.class);
    }

    @Override
    public SupervisorIntervalsView supervisorIntervals(String treatment, Integer shortAbandonSeconds) {
        HttpUrl.Builder u = url("supervisor", "intervals").newBuilder();
        if (treatment != null) {
            u.addQueryParameter("treatment", treatment);
        }
        if (shortAbandonSeconds != null) {
            u.addQueryParameter("shortAbandon", Integer.toString(shortAbandonSeconds));
        }
        return send("GET", u.build(), null, SupervisorIntervalsView.class);
    }

    @Override
    public List<QueueEntryView> supervisorWaiting() {
        return send("GET", url("supervisor", "waiting"), null, list(QueueEntryView.class));
    }

    @Override
    public AgentSummary supervisorSetAgentState(long agentId, StateRequest request) {
        return send("PUT", url("supervisor", "agents", Long.toString(agentId), "state"), request,
                AgentSummary.class);
    }

    @Override
    public InteractionView supervisorMove(long interactionId, MoveRequest request) {
        return send("POST", url("supervisor", "interactions", Long.toString(interactionId), "move"), request,
                InteractionView.class);
    }

    @Override
    public QueueView supervisorSetQueuePriority(long queueId, QueuePriorityRequest request) {
        return send("PUT", url("supervisor", "queues", Long.toString(queueId), "priority"), request, QueueView.class);
    }

    @Override
    public byte[] supervisorReport(String kind, LocalDate from, LocalDate to, String treatment,
                                   Integer shortAbandonSeconds) {
        HttpUrl.Builder u = url("supervisor", "reports", kind + ".csv").newBuilder()
                .addQueryParameter("from", from.toString()).addQueryParameter("to", to.toString());
        if (treatment != null) {
            u.addQueryParameter("treatment", treatment);
        }
        if (shortAbandonSeconds != null) {
            u.addQueryParameter("shortAbandon", Integer.toString(shortAbandonSeconds));
        }
        return bytes(u.build());
    }

    @Override
    public List<CampaignView> outboundCampaigns() {
        return send("GET", url("outbound", "campaigns"), null, list(CampaignView.class));
    }

    @Override
    public OutboundNextView outboundNext(long campaignId) {
        return send("POST", url("outbound", "campaigns", Long.toString(campaignId), "next"), Map.of(),
                OutboundNextView.class);
    }

    @Override
    public OutboundRecordView outboundRecord(long recordId) {
        return send("GET", url("outbound", "records", Long.toString(recordId)), null, OutboundRecordView.class);
    }

    @Override
    public OutboundDialView outboundDial(long recordId) {
        return send("POST", url("outbound", "records", Long.toString(recordId), "dial"), Map.of(),
                OutboundDialView.class);
    }

    @Override
    public OutboundRecordView outboundSkip(long recordId, String reason) {
        return send("POST", url("outbound", "records", Long.toString(recordId), "skip"),
                new OutboundSkipRequest(reason), OutboundRecordView.class);
    }

    @Override
    public OutboundRecordView outboundResult(long recordId, OutboundResultRequest request) {
        return send("POST", url("outbound", "records", Long.toString(recordId), "result"), request,
                OutboundRecordView.class);
    }

    @Override
    public CampaignView outboundSetActive(long campaignId, boolean active) {
        return send("PUT", url("outbound", "campaigns", Long.toString(campaignId), "active"),
                new CampaignActiveRequest(active), CampaignView.class);
    }

    @Override
    public OutboundSeatView outboundJoin(long campaignId) {
        return send("POST", url("outbound", "campaigns", Long.toString(campaignId), "join"), Map.of(),
                OutboundSeatView.class);
    }

    @Override
    public OutboundSeatView outboundLeave(long campaignId) {
        return send("POST", url("outbound", "campaigns", Long.toString(campaignId), "leave"), Map.of(),
                OutboundSeatView.class);
    }

    @Override
    public List<OutboundLogEntryView> outboundAttempts(long recordId) {
        return send("GET", url("outbound", "records", Long.toString(recordId), "attempts"), null,
                list(OutboundLogEntryView.class));
    }

    @Override
    public SyncPage syncPage(SyncRequest request) {
        return send("POST", url("sync"), request, SyncPage.class);
    }

    @Override
    public EventSubscription subscribe(long lastSeenSeq, EventListener listener) {
        return new SseEventStream(http, url("events"), () -> token, mapper, lastSeenSeq, listener);
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder b = base.newBuilder().addPathSegment("api").addPathSegment("v1");
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    private JavaType list(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(List.class, element);
    }

    private <T> T send(String method, HttpUrl url, Object body, Class<T> type) {
        return send(method, url, body, mapper.getTypeFactory().constructType(type), token);
    }

    private <T> T send(String method, HttpUrl url, Object body, Class<T> type, String bearer) {
        return send(method, url, body, mapper.getTypeFactory().constructType(type), bearer);
    }

    /** A request with the session's token; also how {@link AdminClient} reaches the server. */
    <T> T send(String method, HttpUrl url, Object body, JavaType type) {
        return send(method, url, body, type, token);
    }

    private <T> T send(String method, HttpUrl url, Object body, JavaType type, String bearer) {
        RequestBody requestBody = null;
        if (body != null) {
            try {
                requestBody = RequestBody.create(mapper.writeValueAsBytes(body), JSON);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write request", e);
            }
        }
        Request.Builder request = new Request.Builder().url(url).method(method, requestBody)
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody rb = response.body();
            byte[] bytes = rb == null ? new byte[0] : rb.bytes();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), decodeError(response.code(), bytes));
            }
            if (type.getRawClass() == Void.class || bytes.length == 0) {
                return null;
            }
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new ServerUnreachableException("no answer from " + baseUrl() + ": " + e.getMessage(), e);
        }
    }

    private ApiError decodeError(int status, byte[] bytes) {
        try {
            ApiError e = mapper.readValue(bytes, ApiError.class);
            if (e != null && e.error() != null) {
                return e;
            }
        } catch (IOException ignored) {
            // not our JSON: a proxy or another server answered
        }
        return new ApiError("http_" + status, "the server answered HTTP " + status, null);
    }

    /** The administrators' routes over this client's connection and its current token. */
    @Override
    public java.util.Optional<AdminClient> admin() {
        return java.util.Optional.of(new AdminClient(base, this));
    }
}
