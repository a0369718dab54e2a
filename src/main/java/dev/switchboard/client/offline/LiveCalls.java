package dev.switchboard.client.offline;

import dev.switchboard.api.ComplaintReportView;
import dev.switchboard.api.CustomerInsightView;
import dev.switchboard.api.FirstResponseReportView;
import dev.switchboard.api.PermissionRequest;
import dev.switchboard.api.TicketSplitRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.OutboundLogEntryView;
import dev.switchboard.api.OutboundSeatView;
import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.CallView;
import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.CampaignView;
import dev.switchboard.api.ConsultRequest;
import dev.switchboard.api.DialRequest;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.MoveRequest;
import dev.switchboard.api.OutboundDialView;
import dev.switchboard.api.OutboundNextView;
import dev.switchboard.api.OutboundRecordView;
import dev.switchboard.api.OutboundResultRequest;
import dev.switchboard.api.PhoneView;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.QueuePriorityRequest;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.StateRequest;
import dev.switchboard.api.SupervisorIntervalsView;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.client.SwitchboardApi;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operations that only make sense live (accepting an offer, call control, transfers, dialling,
 * who waits in the queue): straight to the server, noting whether it answered.
 */
abstract class LiveCalls implements SwitchboardApi {
    final HttpSwitchboardApi server;

    LiveCalls(HttpSwitchboardApi server) {
        this.server = server;
    }

    /** The server answered. */
    abstract void reached();

    /** The server did not answer, for this reason. */
    abstract void lost(String reason);

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public List<QueueEntryView> queue() {
        return live(server::queue);
    }

    @Override
    public TicketView mergeTicket(long ticketId, long duplicateId) {
        return live(() -> server.mergeTicket(ticketId, duplicateId));
    }

    @Override
    public TicketView splitTicket(long ticketId, TicketSplitRequest request) {
        return live(() -> server.splitTicket(ticketId, request));
    }

    @Override
    public TicketView linkTicket(long ticketId, long otherId, boolean link) {
        return live(() -> server.linkTicket(ticketId, otherId, link));
    }

    @Override
    public TicketView watchTicket(long ticketId, boolean watch) {
        return live(() -> server.watchTicket(ticketId, watch));
    }

    @Override
    public CustomerInsightView customerInsight(long customerId) {
        return live(() -> server.customerInsight(customerId));
    }

    @Override
    public CustomerInsightView setPermission(long customerId, PermissionRequest request) {
        return live(() -> server.setPermission(customerId, request));
    }

    @Override
    public List<dev.switchboard.api.DuplicateView> duplicatesFor(dev.switchboard.api.DuplicateProbe probe) {
        return live(() -> server.duplicatesFor(probe));
    }

    @Override
    public List<dev.switchboard.api.DuplicateView> duplicatesOf(long customerId) {
        return live(() -> server.duplicatesOf(customerId));
    }

    @Override
    public dev.switchboard.api.CustomerMergeView mergeCustomer(long customerId, long duplicateId) {
        return live(() -> server.mergeCustomer(customerId, duplicateId));
    }

    @Override
    public FirstResponseReportView firstResponseReport(int days) {
        return live(() -> server.firstResponseReport(days));
    }

    @Override
    public ComplaintReportView complaintReport(int days) {
        return live(() -> server.complaintReport(days));
    }

    @Override
    public dev.switchboard.api.KnowledgeView knowledge(Long interactionId, String query) {
        return live(() -> server.knowledge(interactionId, query));
    }

    @Override
    public List<dev.switchboard.api.HelpedArticleView> articleHelped(long ticketId, long articleId) {
        return live(() -> server.articleHelped(ticketId, articleId));
    }

    @Override
    public List<dev.switchboard.api.ArticleView> knowledgeArticles() {
        return live(server::knowledgeArticles);
    }

    @Override
    public dev.switchboard.api.ArticleView saveArticle(Long articleId, dev.switchboard.api.ArticleRequest request) {
        return live(() -> server.saveArticle(articleId, request));
    }

    @Override
    public List<dev.switchboard.api.CallScriptView> callScripts() {
        return live(server::callScripts);
    }

    @Override
    public dev.switchboard.api.CallScriptView saveScript(dev.switchboard.api.ScriptRequest request) {
        return live(() -> server.saveScript(request));
    }

    @Override
    public InteractionView accept(long interactionId) {
        return live(() -> server.accept(interactionId));
    }

    @Override
    public InteractionView reject(long interactionId) {
        return live(() -> server.reject(interactionId));
    }

    @Override
    public InteractionView transfer(long interactionId, TransferRequest request) {
        return live(() -> server.transfer(interactionId, request));
    }

    @Override
    public InteractionView callback(long interactionId, CallbackRequest request) {
        return live(() -> server.callback(interactionId, request));
    }

    @Override
    public IngestResponse ingest(IngestRequest request) {
        return live(() -> server.ingest(request));
    }

    @Override
    public CallView call(long interactionId) {
        return live(() -> server.call(interactionId));
    }

    @Override
    public CallView hold(long interactionId, boolean on) {
        return live(() -> server.hold(interactionId, on));
    }

    @Override
    public CallView mute(long interactionId, boolean on) {
        return live(() -> server.mute(interactionId, on));
    }

    @Override
    public CallView consult(long interactionId, ConsultRequest request) {
        return live(() -> server.consult(interactionId, request));
    }

    @Override
    public CallView completeConsult(long interactionId) {
        return live(() -> server.completeConsult(interactionId));
    }

    @Override
    public CallView conference(long interactionId) {
        return live(() -> server.conference(interactionId));
    }

    @Override
    public CallView cancelConsult(long interactionId) {
        return live(() -> server.cancelConsult(interactionId));
    }

    @Override
    public CallView sendDigits(long interactionId, String digits) {
        return live(() -> server.sendDigits(interactionId, digits));
    }

    @Override
    public ScreenPop dial(DialRequest request) {
        return live(() -> server.dial(request));
    }

    @Override
    public PhoneView phone() {
        return live(server::phone);
    }

    @Override
    public void typing(long interactionId, boolean typing) {
        live(() -> {
            server.typing(interactionId, typing);
            return null;
        });
    }

    @Override
    public dev.switchboard.api.SupervisorView supervisorDashboard(String treatment, Integer shortAbandonSeconds) {
        return live(() -> server.supervisorDashboard(treatment, shortAbandonSeconds));
    }

    @Override
    public SupervisorIntervalsView supervisorIntervals(String treatment, Integer shortAbandonSeconds) {
        return live(() -> server.supervisorIntervals(treatment, shortAbandonSeconds));
    }

    @Override
    public List<QueueEntryView> supervisorWaiting() {
        return live(server::supervisorWaiting);
    }

    @Override
    public AgentSummary supervisorSetAgentState(long agentId, StateRequest request) {
        return live(() -> server.supervisorSetAgentState(agentId, request));
    }

    @Override
    public InteractionView supervisorMove(long interactionId, MoveRequest request) {
        return live(() -> server.supervisorMove(interactionId, request));
    }

    @Override
    public QueueView supervisorSetQueuePriority(long queueId,
                                                                   QueuePriorityRequest request) {
        return live(() -> server.supervisorSetQueuePriority(queueId, request));
    }

    @Override
    public byte[] supervisorReport(String kind, LocalDate from, LocalDate to, String treatment,
                                   Integer shortAbandonSeconds) {
        return live(() -> server.supervisorReport(kind, from, to, treatment, shortAbandonSeconds));
    }

    @Override
    public List<CampaignView> outboundCampaigns() {
        return live(server::outboundCampaigns);
    }

    @Override
    public OutboundNextView outboundNext(long campaignId) {
        return live(() -> server.outboundNext(campaignId));
    }

    @Override
    public OutboundRecordView outboundRecord(long recordId) {
        return live(() -> server.outboundRecord(recordId));
    }

    @Override
    public OutboundDialView outboundDial(long recordId) {
        return live(() -> server.outboundDial(recordId));
    }

    @Override
    public OutboundRecordView outboundSkip(long recordId, String reason) {
        return live(() -> server.outboundSkip(recordId, reason));
    }

    @Override
    public OutboundRecordView outboundResult(long recordId, OutboundResultRequest request) {
        return live(() -> server.outboundResult(recordId, request));
    }

    @Override
    public CampaignView outboundSetActive(long campaignId, boolean active) {
        return live(() -> server.outboundSetActive(campaignId, active));
    }

    @Override
    public OutboundSeatView outboundJoin(long campaignId) {
        return live(() -> server.outboundJoin(campaignId));
    }

    @Override
    public OutboundSeatView outboundLeave(long campaignId) {
        return live(() -> server.outboundLeave(campaignId));
    }

    @Override
    public List<OutboundLogEntryView> outboundAttempts(long recordId) {
        return live(() -> server.outboundAttempts(recordId));
    }

    @Override
    public byte[] attachment(long attachmentId) {
        return live(() -> server.attachment(attachmentId));
    }

    <T> T live(Supplier<T> call) {
        try {
            T v = call.get();
            reached();
            return v;
        } catch (ServerUnreachableException e) {
            lost(e.getMessage());
            throw e;
        }
    }
}
