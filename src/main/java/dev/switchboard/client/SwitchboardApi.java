package dev.switchboard.client;

import dev.switchboard.api.OutboundLogEntryView;
import dev.switchboard.api.OutboundSeatView;
import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.CallView;
import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.CampaignView;
import dev.switchboard.api.CannedResponseView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.ConsultRequest;
import dev.switchboard.api.ConversationView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DialRequest;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.InteractionView;
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
import dev.switchboard.api.TicketSplitRequest;
import dev.switchboard.domain.NoteVisibility;
import dev.switchboard.api.OutboundDialView;
import dev.switchboard.api.OutboundNextView;
import dev.switchboard.api.OutboundRecordView;
import dev.switchboard.api.OutboundResultRequest;
import dev.switchboard.api.PhoneView;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.QueuePriorityRequest;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.StateRequest;
import dev.switchboard.api.SupervisorIntervalsView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.api.SyncPage;
import dev.switchboard.api.SyncRequest;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.api.TranscriptRequest;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.domain.AgentState;

import java.time.LocalDate;
import java.util.List;

/**
 * The desktop's view of the central server. Every call blocks and must run off the FX thread.
 * Failures are {@link ApiException} (the server said no, with its reason) or
 * {@link ServerUnreachableException} (no answer at all).
 */
public interface SwitchboardApi {

    /** The server's base address, e.g. {@code http://127.0.0.1:8080}. */
    String baseUrl();

    /** Signs in and keeps the token for every later call. */
    LoginResponse login(String username, String password);

    void logout();

    AgentView me();

    /** READY, or NOT_READY with one of the configured reason codes. */
    AgentView setState(AgentState state, String reasonCode);

    default AgentView setState(AgentState state) {
        return setState(state, null);
    }

    /** Queues, not-ready reasons, dispositions and agents, as configured on the server. */
    ConfigView config();

    /** The contacts waiting in this agent's queues, most urgent first (the merged queue). */
    List<QueueEntryView> queue();

    /**
     * The contacts active with this agent now, each with its screen-pop: what a desktop shows again
     * after signing in anew (another window, a restart of either side).
     */
    List<ScreenPop> activeWork();

    /** Free-text search: name prefix, phone number, e-mail, handle or ticket number. */
    List<CustomerSummary> search(String text, int limit);

    CustomerSummary customer(long id);

    CustomerSummary createCustomer(NewCustomerRequest request);

    /** A page of the customer's timeline, newest first; {@code cursor} null for the first page. */
    TimelinePage timeline(long customerId, String cursor, int limit);

    List<TicketView> openTickets(long customerId);

    TicketView ticket(long id);

    TicketView createTicket(NewTicketRequest request);

    TicketView updateTicket(long id, TicketUpdateRequest request);

    TicketView addNote(long ticketId, String body);

    /** A note that is internal, or records what the customer was told (a reply: their first response if it is the first). */
    TicketView addNote(long ticketId, String body, NoteVisibility visibility);

    /** Merges the duplicate into the ticket (the same customer's): it is closed and everything on it carries on here. */
    TicketView mergeTicket(long ticketId, long duplicateId);

    /** Moves notes and contacts of the ticket to a new ticket, linked to it; answers the new ticket. */
    TicketView splitTicket(long ticketId, TicketSplitRequest request);

    /** Links (or unlinks) another ticket as related. */
    TicketView linkTicket(long ticketId, long otherId, boolean link);

    /** Starts or stops watching the ticket. */
    TicketView watchTicket(long ticketId, boolean watch);

    /** The customer's value with its working, churn signals, the do-not-upsell hint and contact permissions. */
    CustomerInsightView customerInsight(long customerId);

    /** Records whether the customer may be contacted on a channel for a purpose. */
    CustomerInsightView setPermission(long customerId, PermissionRequest request);

    /**
     * Customers that may be the person about to be created, strongest first, each with why (a phone
     * number, an e-mail address, or a name with a postcode is needed; a 400 names a part it cannot read).
     */
    java.util.List<dev.switchboard.api.DuplicateView> duplicatesFor(dev.switchboard.api.DuplicateProbe probe);

    /** Customers that may be the same person as this customer on file, strongest first. */
    java.util.List<dev.switchboard.api.DuplicateView> duplicatesOf(long customerId);

    /**
     * Supervisors and administrators: merges customer {@code duplicateId} into {@code customerId} (its
     * contacts, tickets, contact points, purchases and permissions move over; it cannot be undone).
     */
    dev.switchboard.api.CustomerMergeView mergeCustomer(long customerId, long duplicateId);

    /** Supervisors: first response against target per ticket kind over the last days. */
    FirstResponseReportView firstResponseReport(int days);

    /** Supervisors: complaints by week, category and segment over the last days. */
    ComplaintReportView complaintReport(int days);

    /**
     * Articles and canned responses for the contact (suggested by its subject and queue, with its
     * placeholders filled in) or for the words typed, with the contact's call script and ticket.
     */
    dev.switchboard.api.KnowledgeView knowledge(Long interactionId, String query);

    /** Records that an article helped with a ticket; the articles that helped it so far. */
    List<dev.switchboard.api.HelpedArticleView> articleHelped(long ticketId, long articleId);

    /** The knowledge base's articles as written, with how many tickets each helped. */
    List<dev.switchboard.api.ArticleView> knowledgeArticles();

    /** Supervisors: writes an article, a new one when {@code articleId} is null. */
    dev.switchboard.api.ArticleView saveArticle(Long articleId, dev.switchboard.api.ArticleRequest request);

    /** Every call script, those of queues first. */
    List<dev.switchboard.api.CallScriptView> callScripts();

    /** Supervisors: writes the script of a queue or a campaign, replacing the one it had. */
    dev.switchboard.api.CallScriptView saveScript(dev.switchboard.api.ScriptRequest request);

    InteractionView interaction(long id);

    InteractionView accept(long interactionId);

    InteractionView reject(long interactionId);

    /** Ends the contact; it goes into wrap-up (after-contact work) with the agent. */
    InteractionView end(long interactionId);

    /** Finishes wrap-up: disposition, notes, and a ticket created or updated for the contact. */
    InteractionView wrapUp(long interactionId, WrapUpRequest request);

    /** Hands the contact to a queue or a named agent, with a note; it leaves this agent. */
    InteractionView transfer(long interactionId, TransferRequest request);

    /** Turns a contact into a callback: queued in its place, or scheduled for a time. */
    InteractionView callback(long interactionId, CallbackRequest request);

    /** Schedules a callback to a customer (from the card). */
    InteractionView scheduleCallback(NewCallbackRequest request);

    InteractionView linkCustomer(long interactionId, long customerId);

    IngestResponse ingest(IngestRequest request);

    /** The call of a phone interaction the agent has. */
    CallView call(long interactionId);

    /** Puts the customer on hold ({@code on}) or takes them off it. */
    CallView hold(long interactionId, boolean on);

    /** Mutes the agent's side of the call ({@code on}) or unmutes it. */
    CallView mute(long interactionId, boolean on);

    /** Puts the customer on hold and calls a number or a colleague to consult. */
    CallView consult(long interactionId, ConsultRequest request);

    /** Connects the customer to the consulted party and leaves the call (to a colleague: it becomes theirs). */
    CallView completeConsult(long interactionId);

    /** Brings the caller into the consultation: a three-way conference, mixed by the agent's phone. */
    CallView conference(long interactionId);

    /** Hangs up the consultation and takes the customer off hold. */
    CallView cancelConsult(long interactionId);

    /** Sends DTMF digits to the customer. */
    CallView sendDigits(long interactionId, String digits);

    /** Click-to-dial: rings the agent's phone, then calls the number; the call is a new interaction, held by the agent (its pop). */
    ScreenPop dial(DialRequest request);

    /** The signed-in agent's SIP phone registration. */
    PhoneView phone();

    /** A text contact's conversation: every line, where it came from, the chat visitor. */
    ConversationView conversation(long interactionId);

    /**
     * Answers on a text channel. Keep the request's {@code clientKey} for every retry of the same
     * answer: the server sends it once however often it is asked.
     */
    MessageView sendMessage(long interactionId, SendMessageRequest request);

    /** Tells a chat visitor the agent is (or stopped) typing. */
    void typing(long interactionId, boolean typing);

    /** E-mails a chat's transcript to the visitor ({@code request.to} null: the address they gave). */
    MessageView emailTranscript(long interactionId, TranscriptRequest request);

    /** The bytes of an attachment. */
    byte[] attachment(long attachmentId);

    /** The prepared answers agents can insert, with their placeholders. */
    List<CannedResponseView> cannedResponses();

    /**
     * Follows the event stream from just after {@code lastSeenSeq} (0 for "from now"), reconnecting
     * on its own and resuming from the last event delivered. Close the subscription to stop.
     */
    EventSubscription subscribe(long lastSeenSeq, EventListener listener);

    /**
     * The supervisor's dashboard (supervisors only: a 403 for anyone else): queues, agents and alerts,
     * with abandons treated as {@code treatment} (IGNORE, AGAINST or IN_FAVOUR; null: AGAINST) and
     * abandons sooner than {@code shortAbandonSeconds} not counted (null: 5 s).
     */
    default SupervisorView supervisorDashboard(String treatment, Integer shortAbandonSeconds) {
        throw new UnsupportedOperationException("this client has no supervisor's dashboard");
    }

    /**
     * The chart of today (supervisors only): each queue's 15-minute intervals so far, with abandons
     * treated and cut off as for {@link #supervisorDashboard}.
     */
    default SupervisorIntervalsView supervisorIntervals(String treatment, Integer shortAbandonSeconds) {
        throw new UnsupportedOperationException("this client has no supervisor's chart");
    }

    /** Every contact waiting now, in every queue, most urgent first (supervisors only). */
    default List<QueueEntryView> supervisorWaiting() {
        throw new UnsupportedOperationException("this client cannot list every waiting contact");
    }

    /** A supervisor sets a signed-in agent READY or NOT_READY (with a reason code); audited. */
    default AgentSummary supervisorSetAgentState(long agentId, StateRequest request) {
        throw new UnsupportedOperationException("this client cannot change another agent's state");
    }

    /** A supervisor moves a waiting contact to another queue or to a named agent; audited. */
    default InteractionView supervisorMove(long interactionId, MoveRequest request) {
        throw new UnsupportedOperationException("this client cannot move contacts");
    }

    /** A supervisor changes a queue's priority (0 to 100); audited. Returns the queue as it is now. */
    default QueueView supervisorSetQueuePriority(long queueId, QueuePriorityRequest request) {
        throw new UnsupportedOperationException("this client cannot change a queue's priority");
    }

    /**
     * A report as CSV bytes: {@code kind} "intervals" or "agents", the days {@code from} to {@code to}
     * (both included, at most 31), abandons treated and cut off as given (null: the defaults).
     */
    default byte[] supervisorReport(String kind, LocalDate from, LocalDate to, String treatment,
                                    Integer shortAbandonSeconds) {
        throw new UnsupportedOperationException("this client cannot export reports");
    }

    /** The active outbound campaigns with their progress (outbound agents; supervisors see every one). */
    default List<CampaignView> outboundCampaigns() {
        throw new UnsupportedOperationException("this client has no outbound campaigns");
    }

    /**
     * The next record of the campaign that may be dialled now, held for this agent, with the linked
     * customer's card; or {@code none} with the reason and when the next one falls due.
     */
    default OutboundNextView outboundNext(long campaignId) {
        throw new UnsupportedOperationException("this client cannot work call lists");
    }

    /** A call-list record as it stands (the agent holding it, or a supervisor). */
    default OutboundRecordView outboundRecord(long recordId) {
        throw new UnsupportedOperationException("this client cannot work call lists");
    }

    /**
     * Dials the record this agent holds; the answer carries the call's screen-pop. A 409 whose code
     * names a dial rule (such as {@code dnc_global}) when the rules refuse the dial.
     */
    default OutboundDialView outboundDial(long recordId) {
        throw new UnsupportedOperationException("this client cannot work call lists");
    }

    /** Passes on the record this agent previews, with an optional reason for the dial log. */
    default OutboundRecordView outboundSkip(long recordId, String reason) {
        throw new UnsupportedOperationException("this client cannot work call lists");
    }

    /** How the dialled record's attempt ended and, for a connected call, its disposition. */
    default OutboundRecordView outboundResult(long recordId, OutboundResultRequest request) {
        throw new UnsupportedOperationException("this client cannot work call lists");
    }

    /** Pauses ({@code active} false) or resumes a campaign (supervisors); the campaign as it now stands. */
    default CampaignView outboundSetActive(long campaignId, boolean active) {
        throw new UnsupportedOperationException("this client cannot pause campaigns");
    }

    /**
     * Takes a seat on a campaign the server dials for (PROGRESSIVE or PREDICTIVE): from now on the
     * dialler connects answered calls to this agent, each announced by an {@code outbound.call} event.
     */
    default OutboundSeatView outboundJoin(long campaignId) {
        throw new UnsupportedOperationException("this client cannot work call lists");
    }

    /** Leaves the campaign's seat: the dialler places no more calls for this agent. */
    default OutboundSeatView outboundLeave(long campaignId) {
        throw new UnsupportedOperationException("this client cannot work call lists");
    }

    /** The record's dial log, newest first (the agent holding it, or a supervisor). */
    default List<OutboundLogEntryView> outboundAttempts(long recordId) {
        throw new UnsupportedOperationException("this client cannot work call lists");
    }

    /**
     * One bounded page of a resync: the customers as the server has them now and, of their tickets
     * and the ones given with versions, those that changed.
     */
    default SyncPage syncPage(SyncRequest request) {
        throw new UnsupportedOperationException("this client cannot resync");
    }

    /**
     * How this desktop's link to the server stands (offline, writes waiting, conflicts to merge). A
     * client that talks to the server directly is always online.
     */
    default SyncMonitor sync() {
        return SyncMonitor.ALWAYS_ONLINE;
    }

    /** The administrators' routes, online only; empty where no server stands behind this (a test's fake). */
    default java.util.Optional<AdminClient> admin() {
        return java.util.Optional.empty();
    }
}
