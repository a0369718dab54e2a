package dev.switchboard.server.sim;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The carrier's side of simulated traffic: customers calling the centre. Each {@link #call} sends an INVITE with
 * an SDP offer to the server, ACKs the answer, hangs up after its hold time (or waits for the server's BYE), and
 * answers what the server sends within the call (re-INVITE for hold and transfer, INFO for DTMF, BYE). The
 * returned {@link Call} tells a benchmark how the call went. Only signalling: no media flows.
 */
public final class SimulatedCallers implements AutoCloseable {
    /** Where a call stands. RINGING covers everything before the final response. */
    public enum State { RINGING, ANSWERED, ENDED, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCallers.class);

    private final SipEndpoint sip;
    private final String serverHost;
    private final int serverPort;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "simulated-callers");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    /**
     * Opens the carrier's SIP stack on a free UDP port of {@code ownHost}.
     *
     * @param serverHost where calls go (the server's gateway)
     * @param clock      stamps when calls are placed, answered and ended
     */
    public SimulatedCallers(String ownHost, String serverHost, int serverPort, Clock clock) {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.clock = clock;
        this.sip = SipEndpoint.open("simulated-callers", ownHost,
                SipEndpoint.handler(this::request, this::response, this::timedOut, this::dialogEnded));
    }

    /** Calls {@code calledUser} at the server and stays on the line until the server hangs up. */
    public Call call(String callerNumber, String calledUser) {
        return call(callerNumber, calledUser, null);
    }

    /**
     * Calls {@code sip:calledUser@serverHost:serverPort} from {@code sip:callerNumber@ownHost}.
     *
     * @param holdTime how long after the answer the caller hangs up; null: until the server hangs up
     */
    public Call call(String callerNumber, String calledUser, Duration holdTime) {
        return call(callerNumber, calledUser, null, holdTime);
    }

    /** As {@link #call(String, String, Duration)}, saying what the call is about in a Subject header. */
    public Call call(String callerNumber, String calledUser, String subject, Duration holdTime) {
        Call call = new Call(sip.provider.getNewCallId().getCallId(), callerNumber, holdTime);
        try {
            SipURI target = sip.addresses.createSipURI(calledUser, serverHost);
            target.setPort(serverPort);
            Request invite = sip.request(target, Request.INVITE, call.callId, 1,
                    sip.addresses.createAddress(sip.addresses.createSipURI(callerNumber, sip.host)), SipEndpoint.tag(),
                    sip.addresses.createAddress(target));
            invite.addHeader(sip.contact(callerNumber));
            if (subject != null && !subject.isBlank()) {
                invite.addHeader(sip.headers.createSubjectHeader(subject));
            }
            invite.setContent(call.media.offer(), sip.headers.createContentTypeHeader("application", "sdp"));
            ClientTransaction ct = sip.provider.getNewClientTransaction(invite);
            ct.setApplicationData(call);
            call.invite = ct;
            calls.put(call.callId, call);
            ct.sendRequest();
        } catch (ParseException | InvalidArgumentException | SipException e) {
            LOG.debug("INVITE from {} not sent: {}", callerNumber, e.toString());
            call.failed(Response.SERVICE_UNAVAILABLE); // RFC 3263: a transport failure counts as 503
        }
        return call;
    }

    /** Calls placed and not yet ended or failed. */
    public int inProgress() {
        return calls.size();
    }

    /** The carrier's UDP port. */
    public int port() {
        return sip.port;
    }

    /** Hangs up (or cancels) every call in progress, then stops the SIP stack and the timer. */
    @Override
    public void close() {
        for (Call call : List.copyOf(calls.values())) {
            call.hangUp();
        }
        sip.close();
        timer.shutdownNow();
        for (Call call : List.copyOf(calls.values())) {
            call.failed(Response.REQUEST_TERMINATED);
            call.ended();
        }
    }

    private void timedOut(TimeoutEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct != null && ct.getApplicationData() instanceof Call call
                && Request.INVITE.equals(ct.getRequest().getMethod())) {
            call.failed(Response.REQUEST_TIMEOUT);
        }
    }

    private void dialogEnded(DialogTerminatedEvent event) {
        Call call = calls.get(event.getDialog().getCallId().getCallId());
        if (call != null) {
            call.ended(); // the stack gave up on the dialog, e.g. an ACK never came
        }
    }

    private void response(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        Call call = calls.get(SipEndpoint.callId(response));
        if (call == null || !Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        int code = response.getStatusCode();
        if (code < 200) {
            call.provisional(code);
        } else if (code < 300) {
            call.answered(event.getDialog(), cseq.getSeqNumber());
        } else if (event.getClientTransaction() == call.invite) {
            call.failed(code);
        }
    }

    private void request(RequestEvent event) {
        Request request = event.getRequest();
        Call call = calls.get(SipEndpoint.callId(request));
        boolean answered = call != null && call.state() == State.ANSWERED;
        try {
            switch (request.getMethod()) {
                case Request.ACK -> {
                    // the ACK to our answer to a re-INVITE: nothing to do
                }
                case Request.CANCEL -> sip.reply(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                case Request.BYE -> {
                    sip.reply(event, answered ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    if (answered) {
                        call.ended();
                    }
                }
                case Request.INVITE -> reInvite(event, answered ? call : null);
                default -> sip.replyOther(event, answered);
            }
        } catch (SipException | ParseException | InvalidArgumentException e) {
            LOG.debug("simulated caller could not answer {}: {}", request.getMethod(), e.toString());
        }
    }

    /** A re-INVITE (hold, resume, transfer) is answered at once; a new call to the carrier is not taken. */
    private void reInvite(RequestEvent event, Call call) throws SipException, ParseException, InvalidArgumentException {
        Request request = event.getRequest();
        if (call == null || !SipEndpoint.inDialog(request)) {
            sip.reply(event, SipEndpoint.inDialog(request) ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST
                    : Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        ServerTransaction st = sip.serverTransaction(event);
        if (st != null) {
            st.sendResponse(sip.response(request, Response.OK, null, call.caller,
                    call.media.reply(SipEndpoint.body(request))));
        }
    }

    /** One simulated customer's call: its state, final status and timings. Thread-safe. */
    public final class Call {
        private final String callId;
        private final String caller;
        private final Duration holdTime;
        private final Instant placedAt = clock.instant();
        private final SipEndpoint.Media media = new SipEndpoint.Media(sip.host);
        private final CompletableFuture<Call> finished = new CompletableFuture<>();
        private volatile ClientTransaction invite;
        private State state = State.RINGING;
        private int status;
        private boolean provisional;
        private boolean cancelRequested;
        private boolean abandoned;
        private Dialog dialog;
        private Instant answeredAt;
        private Instant endedAt;

        private Call(String callId, String caller, Duration holdTime) {
            this.callId = callId;
            this.caller = caller;
            this.holdTime = holdTime;
        }

        public String callId() {
            return callId;
        }

        public synchronized State state() {
            return state;
        }

        /** The last response code to the INVITE (100, 180, 200, 486, 487, ...); 408 when the server never answered. */
        public synchronized int status() {
            return status;
        }

        /** True when the caller gave up before an answer and the server confirmed it (487). */
        public synchronized boolean abandoned() {
            return abandoned;
        }

        public Instant placedAt() {
            return placedAt;
        }

        /** From the INVITE to the 200 OK; empty while unanswered. */
        public synchronized Optional<Duration> timeToAnswer() {
            return Optional.ofNullable(answeredAt).map(at -> Duration.between(placedAt, at));
        }

        /** When the call ended or failed; empty while in progress. */
        public synchronized Optional<Instant> endedAt() {
            return Optional.ofNullable(endedAt);
        }

        /** Completes with this call once it is ENDED or FAILED. */
        public CompletableFuture<Call> finished() {
            return finished;
        }

        /**
         * Abandons an unanswered call: CANCEL, which the server answers 487 (the state becomes FAILED, abandoned).
         * Before any provisional response the CANCEL waits for one, as RFC 3261 asks. No effect once answered.
         */
        public void cancel() {
            boolean send;
            synchronized (this) {
                if (state != State.RINGING || cancelRequested) {
                    return;
                }
                cancelRequested = true;
                send = provisional;
            }
            if (send) {
                sendCancel();
            }
        }

        /** Hangs up: BYE when answered, CANCEL while ringing. */
        public void hangUp() {
            Dialog answeredDialog;
            synchronized (this) {
                answeredDialog = state == State.ANSWERED ? dialog : null;
            }
            if (answeredDialog == null) {
                cancel();
                return;
            }
            try {
                sip.bye(answeredDialog);
            } catch (SipException e) {
                LOG.debug("simulated caller could not hang up {}: {}", callId, e.toString());
            }
            ended();
        }

        private void provisional(int code) {
            boolean send;
            synchronized (this) {
                if (state != State.RINGING) {
                    return;
                }
                status = code;
                send = cancelRequested && !provisional;
                provisional = true;
            }
            if (send) {
                sendCancel();
            }
        }

        private void sendCancel() {
            try {
                sip.provider.getNewClientTransaction(invite.createCancel()).sendRequest();
            } catch (SipException e) {
                LOG.debug("simulated caller could not cancel {}: {}", callId, e.toString());
            }
        }

        private void answered(Dialog answer, long cseq) {
            boolean hangUpNow;
            synchronized (this) {
                if (state != State.RINGING) {
                    return; // a retransmitted 200 OK: the stack sends the ACK again
                }
                state = State.ANSWERED;
                status = Response.OK;
                answeredAt = clock.instant();
                dialog = answer;
                hangUpNow = cancelRequested; // the answer crossed our CANCEL
            }
            try {
                answer.sendAck(answer.createAck(cseq));
            } catch (SipException | InvalidArgumentException e) {
                LOG.debug("simulated caller could not ACK {}: {}", callId, e.toString());
            }
            if (hangUpNow) {
                hangUp();
            } else if (holdTime != null && !timer.isShutdown()) {
                timer.schedule(this::hangUp, holdTime.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void failed(int code) {
            synchronized (this) {
                if (state != State.RINGING) {
                    return;
                }
                state = State.FAILED;
                status = code;
                abandoned = cancelRequested && code == Response.REQUEST_TERMINATED;
                endedAt = clock.instant();
            }
            finish();
        }

        private void ended() {
            synchronized (this) {
                if (state != State.ANSWERED) {
                    return;
                }
                state = State.ENDED;
                endedAt = clock.instant();
            }
            finish();
        }

        private void finish() {
            calls.remove(callId, this);
            finished.complete(this);
        }

        @Override
        public synchronized String toString() {
            return "Call[" + callId + " " + caller + " " + state + " " + status + (abandoned ? " abandoned" : "") + "]";
        }
    }
}
