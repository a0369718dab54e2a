package dev.switchboard.server.sim;

import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soft phones of simulated and bench agents, all on one SIP stack. Each phone registers at the server
 * (answering its digest challenge), re-registers before the binding expires, rings for a moment when an
 * INVITE comes and answers it with its own SDP, and answers re-INVITE, INFO, BYE and CANCEL as a desk phone
 * would. Only signalling: the SDP names ports, but no media flows. As the trunk ({@link #answerNumbers}) it
 * also plays the customers the outbound dialler rings first (see {@link #customers}).
 */
public final class SimulatedPhones implements AutoCloseable {
    /** What a phone did; called on SIP stack threads, so keep it short. */
    public interface Listener {
        /** The phone answered (sent 200 OK to) a call. */
        default void onAnswered(String username, String callId) {
        }

        /** A call of the phone ended: BYE from either side, CANCEL before the answer, or a lost ACK. */
        default void onEnded(String username, String callId) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPhones.class);
    private static final int EXPIRES = 3600;
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final Duration UNREGISTER_WAIT = Duration.ofSeconds(3);
    /** A customer who lets it ring gives up this long after the gateway should have (480). */
    private static final Duration NOBODY_HOME = Duration.ofSeconds(90);

    private final SipEndpoint sip;
    private final String serverHost;
    private final int serverPort;
    private final Listener listener;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "simulated-phones");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Phone> phones = new ConcurrentHashMap<>();
    private final Map<String, PhoneCall> calls = new ConcurrentHashMap<>();
    private volatile Duration ringDelay = Duration.ofSeconds(1);
    private volatile Duration hangUpAfter;
    private volatile boolean answerNumbers;
    private volatile Customers customers = new Customers(0.1, 0.1, Duration.ofSeconds(1), Duration.ofSeconds(4));

    /** How the simulated customers take the dialler's calls; see {@link #customers}. */
    private record Customers(double busyShare, double unansweredShare, Duration shortestRing, Duration longestRing) {
        /** Picks the ring before the answer, or null when this call is never answered. */
        Duration ringOrNever(double dice) {
            if (dice < busyShare + unansweredShare) {
                return null;
            }
            long spread = longestRing.toMillis() - shortestRing.toMillis();
            return shortestRing.plusMillis(spread <= 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1));
        }
    }

    /**
     * Opens the phones' SIP stack on a free UDP port of {@code ownHost}.
     *
     * @param serverHost host of the registrar (the server's gateway); also the host part of every address of record
     * @param listener   told when a phone answers or a call ends
     */
    public SimulatedPhones(String ownHost, String serverHost, int serverPort, Listener listener) {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.listener = listener;
        this.sip = SipEndpoint.open("simulated-phones", ownHost, SipEndpoint.handler(this::request,
                event -> attempt(event.getClientTransaction()).ifPresent(a -> registerAnswered(a, event.getResponse())),
                event -> attempt(event.getClientTransaction()).ifPresent(a -> failed(a, Response.REQUEST_TIMEOUT)),
                event -> ended(event.getDialog().getCallId().getCallId())));
    }

    /** How long a phone rings before it answers (default 1 s). */
    public void ringDelay(Duration delay) {
        this.ringDelay = delay;
    }

    /** Each phone ends answered calls itself (BYE) this long after the ACK; null (the default): never. */
    public void hangUpAfter(Duration handleTime) {
        this.hangUpAfter = handleTime;
    }

    /**
     * Also plays the outside world: a call to a number ({@code sip:+447700900123@...}) rather than to a
     * registered phone is answered like a phone would, so click-to-dial and transfers to numbers work
     * in the demo with this endpoint as the server's trunk.
     */
    public void answerNumbers(boolean on) {
        this.answerNumbers = on;
    }

    /**
     * How the simulated customers take the outbound dialler's calls (an INVITE to a number without an SDP
     * offer; click-to-dial and transfers always carry one and are answered after {@link #ringDelay}): a share
     * is busy (486 at once), a share lets it ring until the gateway gives up, and the rest answer after a
     * ring between {@code shortestRing} and {@code longestRing}. By default 10 % are busy, 10 % do not
     * answer, and the others answer within 1 to 4 s.
     */
    public void customers(double busyShare, double unansweredShare, Duration shortestRing, Duration longestRing) {
        if (busyShare < 0 || unansweredShare < 0 || busyShare + unansweredShare > 1
                || longestRing.compareTo(shortestRing) < 0 || shortestRing.isNegative()) {
            throw new IllegalArgumentException("shares must be 0 to 1 in all, and rings from shortest to longest");
        }
        this.customers = new Customers(busyShare, unansweredShare, shortestRing, longestRing);
    }

    /** A busy phone turns every new call away with 486 Busy Here. */
    public void busy(String username, boolean busy) {
        Phone phone = phones.get(username);
        if (phone != null) {
            phone.busy = busy;
        }
    }

    /**
     * Adds a phone and registers {@code sip:username@serverHost} with Contact {@code sip:username@ownHost:ownPort}.
     * The phone answers calls from now on, registered or not; a failed registration is retried every 10 s.
     *
     * @return completes when the first registration is accepted, or exceptionally when it is refused or times out
     */
    public CompletableFuture<Void> register(String username, String password) {
        Phone phone = new Phone(username, password, sip.provider.getNewCallId().getCallId(), SipEndpoint.tag());
        Phone previous = phones.put(username, phone);
        if (previous != null) {
            previous.stop();
        }
        CompletableFuture<Void> first = new CompletableFuture<>();
        sendRegister(phone, EXPIRES, first, null);
        return first;
    }

    /** Phones whose registration the server has accepted and which have not been unregistered. */
    public int registeredCount() {
        return (int) phones.values().stream().filter(p -> p.registered).count();
    }

    /** The phones' UDP port, where a registered Contact points. */
    public int port() {
        return sip.port;
    }

    /**
     * Removes every binding (REGISTER with Expires: 0) and forgets the phones.
     *
     * @return completes when the server has answered every unregistration
     */
    public CompletableFuture<Void> unregisterAll() {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (Phone phone : List.copyOf(phones.values())) {
            phones.remove(phone.username, phone);
            phone.stop();
            if (phone.registered) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                pending.add(done);
                sendRegister(phone, 0, done, null);
            }
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
    }

    /**
     * Unregisters every phone (waiting up to 3 s for the server), hangs up answered calls, then stops the SIP stack
     * and the timer.
     */
    @Override
    public void close() {
        try {
            unregisterAll().get(UNREGISTER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("unregistering simulated phones: {}", e.toString());
        }
        for (String callId : List.copyOf(calls.keySet())) {
            hangUp(callId);
        }
        sip.close();
        timer.shutdownNow();
    }

    // ---- registration ----

    private void sendRegister(Phone phone, int expires, CompletableFuture<Void> done, WWWAuthenticateHeader challenge) {
        try {
            SipURI target = sip.addresses.createSipURI(null, serverHost);
            target.setPort(serverPort);
            Address aor = sip.addresses.createAddress(sip.addresses.createSipURI(phone.username, serverHost));
            Request request = sip.request(target, Request.REGISTER, phone.callId, phone.cseq.incrementAndGet(),
                    aor, phone.fromTag, aor);
            request.addHeader(sip.contact(phone.username));
            request.addHeader(sip.headers.createExpiresHeader(expires));
            if (challenge != null) {
                request.addHeader(sip.authorization(Request.REGISTER, target.toString(), phone.username, phone.password,
                        challenge));
            }
            ClientTransaction ct = sip.provider.getNewClientTransaction(request);
            ct.setApplicationData(new Attempt(phone, expires, done, challenge != null));
            ct.sendRequest();
        } catch (ParseException | InvalidArgumentException | SipException e) {
            LOG.debug("REGISTER for {} not sent: {}", phone.username, e.toString());
            failed(new Attempt(phone, expires, done, challenge != null), Response.SERVICE_UNAVAILABLE);
        }
    }

    private static Optional<Attempt> attempt(ClientTransaction ct) {
        return ct != null && ct.getApplicationData() instanceof Attempt a ? Optional.of(a) : Optional.empty();
    }

    private void registerAnswered(Attempt attempt, Response response) {
        int code = response.getStatusCode();
        if (code < 200) {
            return;
        }
        WWWAuthenticateHeader challenge = (WWWAuthenticateHeader) (code == Response.UNAUTHORIZED
                ? response.getHeader(WWWAuthenticateHeader.NAME) : response.getHeader(ProxyAuthenticateHeader.NAME));
        if (challenge != null && (!attempt.authorized || "true".equalsIgnoreCase(challenge.getParameter("stale")))) {
            sendRegister(attempt.phone, attempt.expires, attempt.done, challenge);
        } else if (code >= 300) {
            failed(attempt, code);
        } else if (attempt.expires == 0) {
            attempt.phone.registered = false;
            attempt.done.complete(null);
        } else {
            attempt.phone.registered = true;
            attempt.done.complete(null);
            long granted = sip.granted(response, attempt.expires);
            // renew well before the binding lapses: 30 s early, or halfway through a short binding
            attempt.phone.schedule(timer, () -> sendRegister(attempt.phone, EXPIRES, new CompletableFuture<>(), null),
                    Duration.ofSeconds(granted > 60 ? granted - 30 : Math.max(1, granted / 2)));
        }
    }

    private void failed(Attempt attempt, int code) {
        LOG.debug("REGISTER for {} failed with {}", attempt.phone.username, code);
        attempt.done.completeExceptionally(
                new IllegalStateException("REGISTER for " + attempt.phone.username + " answered " + code));
        if (attempt.expires > 0) {
            attempt.phone.registered = false;
            attempt.phone.schedule(timer,
                    () -> sendRegister(attempt.phone, EXPIRES, new CompletableFuture<>(), null), RETRY);
        }
    }

    // ---- calls ----

    private void request(RequestEvent event) {
        Request request = event.getRequest();
        String callId = SipEndpoint.callId(request);
        try {
            switch (request.getMethod()) {
                case Request.INVITE -> invite(event, callId);
                case Request.ACK -> acked(callId);
                case Request.CANCEL -> cancel(event, callId);
                case Request.BYE -> {
                    boolean known = calls.containsKey(callId);
                    sip.reply(event, known ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    ended(callId);
                }
                default -> sip.replyOther(event, calls.containsKey(callId));
            }
        } catch (SipException | ParseException | InvalidArgumentException e) {
            LOG.debug("simulated phone could not answer {}: {}", request.getMethod(), e.toString());
        }
    }

    private void invite(RequestEvent event, String callId)
            throws SipException, ParseException, InvalidArgumentException {
        Request request = event.getRequest();
        PhoneCall existing = calls.get(callId);
        if (SipEndpoint.inDialog(request)) {
            if (existing == null || !existing.answered()) {
                sip.reply(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            ServerTransaction st = sip.serverTransaction(event);
            if (st != null) {
                st.sendResponse(sip.response(request, Response.OK, null, existing.username,
                        existing.media.reply(SipEndpoint.body(request))));
            }
            return;
        }
        ServerTransaction st = sip.serverTransaction(event);
        if (st == null) {
            return;
        }
        String user = request.getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
        Phone phone = user == null ? null : phones.get(user);
        boolean outsideNumber = phone == null && answerNumbers && user != null && user.matches("\\+?[0-9]{3,20}");
        // the dialler rings customers with no agent yet, so its INVITE has no offer: the customer makes it
        boolean dialled = outsideNumber && SipEndpoint.body(request) == null;
        Customers who = customers;
        double dice = ThreadLocalRandom.current().nextDouble();
        boolean refused = !outsideNumber && (phone == null || phone.busy) || dialled && dice < who.busyShare();
        if (refused) {
            int code = phone == null && !outsideNumber ? Response.NOT_FOUND : Response.BUSY_HERE;
            st.sendResponse(sip.messages.createResponse(code, request));
            return;
        }
        Duration ring = dialled ? who.ringOrNever(dice) : ringDelay;
        PhoneCall call = new PhoneCall(outsideNumber ? user : phone.username, st, SipEndpoint.tag(), new SipEndpoint.Media(sip.host));
        calls.put(callId, call);
        st.sendResponse(sip.response(request, Response.RINGING, call.toTag, call.username, null));
        call.dialog = st.getDialog();
        if (ring != null) {
            timer.schedule(() -> answer(callId, call), ring.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            timer.schedule(() -> giveUp(callId, call), NOBODY_HOME.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A call nobody picked up and the caller never cancelled: 480, so it does not ring for ever. */
    private void giveUp(String callId, PhoneCall call) {
        synchronized (call) {
            if (call.answered || call.ended) {
                return;
            }
            call.ended = true;
        }
        try {
            call.invite.sendResponse(sip.response(call.invite.getRequest(), Response.TEMPORARILY_UNAVAILABLE,
                    call.toTag, null, null));
        } catch (SipException | ParseException | InvalidArgumentException e) {
            LOG.debug("simulated customer {} could not give up on {}: {}", call.username, callId, e.toString());
        }
        ended(callId);
    }

    private void answer(String callId, PhoneCall call) {
        synchronized (call) {
            if (call.answered || call.ended) {
                return;
            }
            call.answered = true;
        }
        try {
            Request invite = call.invite.getRequest();
            call.invite.sendResponse(sip.response(invite, Response.OK, call.toTag, call.username,
                    call.media.reply(SipEndpoint.body(invite))));
            listener.onAnswered(call.username, callId);
        } catch (SipException | ParseException | InvalidArgumentException e) {
            LOG.debug("simulated phone {} could not answer {}: {}", call.username, callId, e.toString());
            ended(callId);
        }
    }

    private void acked(String callId) {
        PhoneCall call = calls.get(callId);
        Duration handle = hangUpAfter;
        if (call == null || handle == null) {
            return;
        }
        synchronized (call) {
            if (call.hangUp == null && !call.ended) {
                call.hangUp = timer.schedule(() -> hangUp(callId), handle.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void cancel(RequestEvent event, String callId)
            throws SipException, ParseException, InvalidArgumentException {
        PhoneCall call = calls.get(callId);
        sip.reply(event, call != null ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        if (call == null) {
            return;
        }
        synchronized (call) {
            if (call.answered || call.ended) {
                return;
            }
            call.ended = true;
        }
        call.invite.sendResponse(sip.response(call.invite.getRequest(), Response.REQUEST_TERMINATED, call.toTag,
                null, null));
        ended(callId);
    }

    private void hangUp(String callId) {
        PhoneCall call = calls.get(callId);
        if (call == null || !call.answered()) {
            return;
        }
        try {
            sip.bye(call.dialog);
        } catch (SipException e) {
            LOG.debug("simulated phone {} could not hang up {}: {}", call.username, callId, e.toString());
        }
        ended(callId);
    }

    private void ended(String callId) {
        PhoneCall call = calls.remove(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            call.ended = true;
            if (call.hangUp != null) {
                call.hangUp.cancel(false);
            }
        }
        listener.onEnded(call.username, callId);
    }

    /** One registration request in flight; {@code done} completes with its outcome. */
    private record Attempt(Phone phone, int expires, CompletableFuture<Void> done, boolean authorized) {
    }

    private static final class Phone {
        final String username;
        final String password;
        final String callId;
        final String fromTag;
        final AtomicLong cseq = new AtomicLong();
        volatile boolean registered;
        volatile boolean busy;
        private boolean stopped;
        private ScheduledFuture<?> next;

        Phone(String username, String password, String callId, String fromTag) {
            this.username = username;
            this.password = password;
            this.callId = callId;
            this.fromTag = fromTag;
        }

        synchronized void schedule(ScheduledExecutorService timer, Runnable register, Duration delay) {
            if (!stopped && !timer.isShutdown()) {
                next = timer.schedule(register, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        synchronized void stop() {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }
    }

    /** An incoming call; the flags are guarded by the object's lock. */
    private static final class PhoneCall {
        final String username;
        final ServerTransaction invite;
        final String toTag;
        final SipEndpoint.Media media;
        volatile Dialog dialog;
        boolean answered;
        boolean ended;
        ScheduledFuture<?> hangUp;

        synchronized boolean answered() {
            return answered && !ended;
        }

        PhoneCall(String username, ServerTransaction invite, String toTag, SipEndpoint.Media media) {
            this.username = username;
            this.invite = invite;
            this.toTag = toTag;
            this.media = media;
        }
    }
}
