package dev.switchboard.channels.voice;

import dev.switchboard.channels.voice.VoiceEvents.Side;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's SIP side: a signalling-only back-to-back user agent. Calls from the trunk become
 * contacts; agents' phones register here (digest authentication); when an agent takes a call the
 * gateway rings their phone and bridges the two legs, relaying each side's SDP to the other (it only
 * changes the direction for hold and mute, and puts its own origin line on each leg). Media never
 * passes through it. Each call's state is guarded by the call itself; the server hears of changes
 * through {@link VoiceEvents}, always outside those locks.
 */
public final class SipGateway implements SipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipGateway.class);
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final Duration CUSTOMER_RING_TIMEOUT = Duration.ofSeconds(25);

    /** A call as the gateway sees it. */
    public enum CallStatus { RINGING, CONNECTING, CONNECTED, ENDED }

    private final SipSettings settings;
    private volatile String trunk;
    private final VoiceEvents events;
    private final Registrar registrar;
    private final Clock clock;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Map<String, Leg> legs = new ConcurrentHashMap<>();
    private PhoneRegistrations registrations;
    private LegSignals signals;
    private CustomerFirstCalls customerFirst;
    private final ScheduledExecutorService timers;

    private SipStack stack;
    private SipProvider provider;
    private SipMessages sip;
    private String host;
    private int port;

    public SipGateway(SipSettings settings, VoiceEvents events, Clock clock) {
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.registrar = new Registrar(clock);
        this.trunk = settings.trunk();
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-timers");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the SIP port (a free one when the settings say 0). */
    public void start() throws IOException {
        try {
            SipFactory factory = SipFactory.getInstance();
            Properties p = new Properties();
            p.setProperty("javax.sip.STACK_NAME", "switchboard-gateway-" + STACKS.incrementAndGet());
            p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
            p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
            p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
            p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
            p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
            p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
            // made directly: the factory would keep every stack it ever made in a static list
            stack = new gov.nist.javax.sip.SipStackImpl(p);
            ListeningPoint lp = listen(stack, settings.host(), settings.port());
            host = advertised(settings.host());
            port = lp.getPort();
            provider = stack.createSipProvider(lp);
            provider.addSipListener(this);
            sip = new SipMessages(factory.createAddressFactory(), factory.createHeaderFactory(),
                    factory.createMessageFactory(), host, port);
            registrations = new PhoneRegistrations(registrar, events, sip, clock);
            signals = new LegSignals(provider, sip, host, timers, legs);
            customerFirst = new CustomerFirstCalls(signals, events, host);
            timers.scheduleWithFixedDelay(registrations::forgetOldNonces, 1, 1, TimeUnit.MINUTES);
            LOG.info("SIP listening on udp {}:{}{}", host, port,
                    trunk == null ? "" : ", calling out through " + trunk);
        } catch (Exception e) {
            throw new IOException("could not open SIP on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The address peers reach us at: the bound one, or this machine's when bound to every interface. */
    private static String advertised(String bound) throws IOException {
        if (!bound.equals("0.0.0.0") && !bound.equals("::")) {
            return bound;
        }
        return InetAddress.getLocalHost().getHostAddress();
    }

    private static ListeningPoint listen(SipStack stack, String host, int wanted) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = wanted;
            if (port == 0) {
                try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName(host))) {
                    port = probe.getLocalPort();
                }
            }
            try {
                return stack.createListeningPoint(host, port, ListeningPoint.UDP);
            } catch (Exception e) {
                last = e;
                if (wanted != 0) {
                    break;
                }
            }
        }
        throw last;
    }

    public int port() {
        return port;
    }

    /** Where phones register, e.g. {@code sip:127.0.0.1:5060}. */
    public String registrarAddress() {
        return "sip:" + host + ":" + port;
    }

    public Registrar registrar() {
        return registrar;
    }

    public int callsInProgress() {
        return calls.size();
    }

    // ---- what the server asks for

    /**
     * Rings the agent's phone for a call and bridges it when the phone answers. When the phone is
     * not registered, {@link VoiceEvents#failed} follows at once. A queued inbound call goes back to
     * the queue when the phone cannot take it; a customer-first call ({@link #callCustomer}), which
     * must have been answered, is hung up (nobody else is ringing for it).
     */
    public void connectAgent(String callId, String username) {
        Call call = calls.get(callId);
        if (call == null) {
            return;
        }
        List<Runnable> after = new ArrayList<>();
        synchronized (call) {
            if (call.status == CallStatus.ENDED || call.far != null) {
                return;
            }
            if (call.customerFirst && !call.customerAnswered) {
                throw new IllegalStateException("the customer has not answered yet");
            }
            String meanwhile = call.customerFirst ? " The customer was hung up." : " The call went back to the queue.";
            Optional<Registrar.Binding> phone = registrar.find(username);
            if (phone.isEmpty()) {
                if (call.customerFirst) {
                    end(call, null);
                }
                after.add(() -> events.failed(callId, 0, "Your phone is not registered: register it as " + username
                        + " at " + registrarAddress() + "." + meanwhile));
            } else {
                try {
                    Leg agent = signals.newLeg(call, Side.AGENT);
                    agent.username = username;
                    String sdp = call.customer.remoteSdp == null ? null
                            : agent.outgoingSdp(Sdp.withDirection(call.customer.remoteSdp, "sendrecv"), host);
                    signals.sendInvite(agent, sip.addresses.createAddress(phone.get().contact()).getURI(),
                            call.customerNumber, username, sdp, settings.phoneRingTimeout());
                    call.far = agent;
                    call.status = CallStatus.CONNECTING;
                } catch (Exception e) {
                    legs.values().removeIf(l -> l.call == call && l != call.customer && l != call.far);
                    LOG.warn("could not ring {}'s phone for call {}", username, callId, e);
                    if (call.customerFirst) {
                        end(call, null);
                    }
                    after.add(() -> events.failed(callId, 0, "Your phone could not be called ("
                            + e.getMessage() + ")." + meanwhile));
                }
            }
        }
        after.forEach(Runnable::run);
    }

    /** Hangs up both legs (the agent pressed hang up, or the contact ended on the server). */
    public void hangUp(String callId) {
        Call call = calls.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            end(call, null);
        }
    }

    /** The agent leaves the call (blind transfer to a queue or agent): the customer stays, waiting. */
    public void detachAgent(String callId) {
        Call call = calls.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            if (call.far != null) {
                signals.drop(call.far);
                call.far = null;
            }
            call.held = false;
            call.muted = false;
            if (call.status != CallStatus.ENDED) {
                call.status = CallStatus.RINGING;
            }
        }
    }

    /** Blind transfer to an outside number through the trunk; the agent's phone is hung up. */
    public void transferToNumber(String callId, String number) {
        Call call = requireConnected(callId);
        synchronized (call) {
            requireTrunk();
            if (call.customer == null || call.customer.remoteSdp == null) {
                throw new IllegalStateException("the call has no media description to hand over");
            }
            if (call.far != null) {
                signals.drop(call.far);
                call.far = null;
            }
            call.held = false;
            call.muted = false;
            try {
                Leg out = signals.newLeg(call, Side.AGENT);
                out.number = number;
                out.external = true;
                signals.sendInvite(out, trunkUri(number), call.customerNumber, number,
                        out.outgoingSdp(Sdp.withDirection(call.customer.remoteSdp, "sendrecv"), host),
                        CUSTOMER_RING_TIMEOUT);
                call.far = out;
                call.status = CallStatus.CONNECTING;
            } catch (ParseException | SipException e) {
                throw new IllegalArgumentException("cannot call " + number + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Click-to-dial: rings the agent's phone first (no SDP: the phone makes the offer), then calls
     * the number through the trunk with that offer, and bridges. {@code callId} is the caller's
     * name for the call (it must be new); events about it use that name.
     */
    public void dial(String callId, String username, String number) {
        requireTrunk();
        Registrar.Binding phone = registrar.find(username).orElseThrow(() -> new IllegalStateException(
                "Your phone is not registered: register it as " + username + " at " + registrarAddress()));
        Call call = new Call(callId, true, number);
        if (calls.putIfAbsent(callId, call) != null) {
            throw new IllegalArgumentException("call " + callId + " exists already");
        }
        synchronized (call) {
            try {
                Leg agent = signals.newLeg(call, Side.AGENT);
                agent.username = username;
                signals.sendInvite(agent, sip.addresses.createAddress(phone.contact()).getURI(), number, username, null,
                        settings.phoneRingTimeout());
                call.far = agent;
                call.status = CallStatus.CONNECTING;
            } catch (ParseException | SipException e) {
                legs.values().removeIf(l -> l.call == call);
                forget(call);
                throw new IllegalStateException("could not ring your phone: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Customer-first call, for the outbound dialler: rings {@code number} through the trunk with no
     * agent on the call, for at most {@code ringFor}. The customer's answer is told with
     * {@link VoiceEvents#customerAnswered} (the call then waits, silent, for {@link #connectAgent} or
     * {@link #hangUp}); a refusal or the ring running out with {@link VoiceEvents#customerNotAnswered};
     * the customer hanging up while the call waits with {@link VoiceEvents#customerLeft}. Once an
     * agent's phone is rung the call is like any other. {@code callId} must be new.
     */
    public void callCustomer(String callId, String number, Duration ringFor) {
        requireTrunk();
        Call call = new Call(callId, true, number);
        call.customerFirst = true;
        if (calls.putIfAbsent(callId, call) != null) {
            throw new IllegalArgumentException("call " + callId + " exists already");
        }
        synchronized (call) {
            try {
                customerFirst.ring(call, trunkUri(number), ringFor);
            } catch (ParseException | SipException e) {
                legs.values().removeIf(l -> l.call == call);
                forget(call);
                throw new IllegalStateException("could not call " + number + ": " + e.getMessage(), e);
            }
        }
    }

    /** Whether calls to outside numbers can be made (a trunk is configured). */
    public boolean canCallOut() {
        String t = trunk;
        return t != null && !t.isBlank();
    }

    /** Calls to outside numbers go through this {@code host:port} from now on (null: none). */
    public void useTrunk(String hostAndPort) {
        this.trunk = hostAndPort;
        LOG.info("calling out through {}", hostAndPort);
    }

    /**
     * Consultation: the customer goes on hold and the agent's phone is connected to an outside
     * number (through the trunk) once it answers. {@link VoiceEvents#consult} tells how it goes.
     */
    public void consult(String callId, String number) {
        consult(callId, number, null);
    }

    /** Consultation with a colleague: their registered phone is rung instead of a number. */
    public void consultColleague(String callId, String username) {
        consult(callId, null, username);
    }

    private void consult(String callId, String number, String colleague) {
        Call call = requireConnected(callId);
        synchronized (call) {
            Registrar.Binding phone = null;
            if (colleague != null) {
                phone = registrar.find(colleague).orElseThrow(() -> new IllegalStateException(
                        colleague + "'s phone is not registered"));
            } else {
                requireTrunk();
            }
            Leg agent = call.far;
            if (call.consult != null) {
                throw new IllegalStateException("a consultation is already under way");
            }
            if (agent == null || agent.external || agent.remoteSdp == null) {
                throw new IllegalStateException("the call is not with your phone");
            }
            try {
                Leg other = signals.newLeg(call, Side.AGENT);
                other.number = number;
                other.username = colleague;
                other.external = true;
                call.consult = other;
                call.held = true;
                signals.reinvite(call.customer, Sdp.withDirection(agent.remoteSdp, "sendonly"));
                URI target = phone != null ? sip.addresses.createAddress(phone.contact()).getURI() : trunkUri(number);
                signals.sendInvite(other, target, agent.username, colleague != null ? colleague : number,
                        other.outgoingSdp(Sdp.withDirection(agent.remoteSdp, "sendrecv"), host),
                        phone != null ? settings.phoneRingTimeout() : CUSTOMER_RING_TIMEOUT);
            } catch (Exception e) {
                call.consult = null;
                throw new IllegalStateException("could not call " + (colleague != null ? colleague : number) + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Three-way conference, where the agent's phone can mix: the phone is rung on a second line for
     * the consulted party, and once it answers the caller comes off hold on the first. A phone that
     * conferences its lines joins all three; one that cannot take a second line refuses it and the
     * consultation goes on as before.
     */
    public void conference(String callId) {
        Call call = requireConnected(callId);
        synchronized (call) {
            Leg other = call.consult;
            Leg agent = call.far;
            if (other == null || !other.confirmed || other.remoteSdp == null) {
                throw new IllegalStateException(other == null ? "no consultation is under way"
                        : "the consulted party has not answered yet");
            }
            if (call.conference != null) {
                throw new IllegalStateException("the conference is already set up");
            }
            Registrar.Binding phone = agent == null || agent.username == null ? null
                    : registrar.find(agent.username).orElse(null);
            if (phone == null) {
                throw new IllegalStateException("your phone is not registered");
            }
            try {
                Leg second = signals.newLeg(call, Side.AGENT);
                second.username = agent.username;
                second.external = true;
                call.conference = second;
                String from = other.username != null ? other.username : other.number;
                signals.sendInvite(second, sip.addresses.createAddress(phone.contact()).getURI(), from, agent.username,
                        second.outgoingSdp(Sdp.withDirection(other.remoteSdp, "sendrecv"), host),
                        settings.phoneRingTimeout());
            } catch (Exception e) {
                call.conference = null;
                throw new IllegalStateException("could not ring your phone's second line: " + e.getMessage(), e);
            }
        }
    }

    /** Hands the customer to the consulted party (both are re-INVITEd to each other) and hangs up the agent's phone. */
    public void completeConsult(String callId) {
        Call call = requireConnected(callId);
        synchronized (call) {
            Leg other = call.consult;
            if (other == null || !other.confirmed || other.remoteSdp == null) {
                throw new IllegalStateException(other == null ? "no consultation is under way"
                        : "the consulted party has not answered yet");
            }
            dropConference(call);
            try {
                signals.reinvite(call.customer, Sdp.withDirection(other.remoteSdp, "sendrecv"));
                signals.reinvite(other, Sdp.withDirection(call.customer.remoteSdp, "sendrecv"));
            } catch (Exception e) {
                throw new IllegalStateException("could not connect the customer: " + e.getMessage(), e);
            }
            if (call.far != null) {
                signals.drop(call.far);
            }
            call.far = other;
            // a colleague's phone is now the agent side of the call, as if routing had given it to them
            other.external = other.username == null;
            call.consult = null;
            call.held = false;
            call.muted = false;
        }
    }

    /** Hangs up the consultation; the customer comes off hold and back to the agent's phone. */
    public void cancelConsult(String callId) {
        Call call = requireConnected(callId);
        synchronized (call) {
            if (call.consult == null) {
                throw new IllegalStateException("no consultation is under way");
            }
            signals.drop(call.consult);
            backFromConsult(call);
        }
    }

    /** The consultation is over: its conference line goes too, and the caller is back with the agent. */
    private void backFromConsult(Call call) {
        dropConference(call);
        call.consult = null;
        call.held = false;
        applyMedia(call);
    }

    private void dropConference(Call call) {
        if (call.conference != null) {
            signals.drop(call.conference);
            call.conference = null;
        }
    }

    /** Puts the customer on hold (both legs stop sending) or takes them off it. */
    public void hold(String callId, boolean on) {
        Call call = requireConnected(callId);
        synchronized (call) {
            if (call.consult != null) {
                throw new IllegalStateException("the customer is on hold while you consult");
            }
            call.held = on;
            applyMedia(call);
        }
    }

    /** Stops the agent's phone sending (the customer hears nothing) or lets it send again. */
    public void mute(String callId, boolean on) {
        Call call = requireConnected(callId);
        synchronized (call) {
            call.muted = on;
            applyMedia(call);
        }
    }

    /** Sends DTMF digits to the customer as SIP INFO, one request per digit. */
    public void sendDigits(String callId, String digits) {
        Call call = requireConnected(callId);
        synchronized (call) {
            for (char d : digits.toCharArray()) {
                signals.sendInfo(call.customer, String.valueOf(d));
            }
        }
    }

    private Call requireCall(String callId) {
        Call call = calls.get(callId);
        if (call == null || call.status == CallStatus.ENDED) {
            throw new IllegalStateException("the call has ended");
        }
        return call;
    }

    private Call requireConnected(String callId) {
        Call call = requireCall(callId);
        if (call.status != CallStatus.CONNECTED) {
            throw new IllegalStateException("the call is not connected yet");
        }
        return call;
    }

    private void requireTrunk() {
        if (!canCallOut()) {
            throw new IllegalStateException("no trunk is configured for calls to outside numbers (--sip-trunk)");
        }
    }

    private URI trunkUri(String number) throws ParseException {
        return sip.addresses.createURI("sip:" + number + "@" + trunk);
    }

    // ---- SIP in

    @Override
    public void processRequest(RequestEvent e) {
        Request r = e.getRequest();
        try {
            switch (r.getMethod()) {
                case Request.REGISTER -> registrations.handle(e, transaction(e));
                case Request.INVITE -> {
                    if (((ToHeader) r.getHeader(ToHeader.NAME)).getTag() == null) {
                        incoming(e);
                    } else {
                        reinvited(e);
                    }
                }
                case Request.ACK -> acked(e);
                case Request.BYE -> bye(e);
                case Request.CANCEL -> cancelled(e);
                case Request.INFO -> info(e);
                case Request.OPTIONS -> respond(e, Response.OK);
                default -> {
                    Response resp = sip.response(Response.METHOD_NOT_ALLOWED, r);
                    resp.addHeader(sip.headers.createAllowHeader(SipMessages.ALLOW));
                    reply(e, resp);
                }
            }
        } catch (TransactionAlreadyExistsException retransmission) {
            LOG.trace("retransmitted {}", r.getMethod());
        } catch (Exception ex) {
            LOG.warn("could not handle SIP {}: {}", r.getMethod(), ex.toString());
            LOG.debug("SIP failure", ex);
            if (!Request.ACK.equals(r.getMethod())) {
                try {
                    respond(e, Response.SERVER_INTERNAL_ERROR);
                } catch (Exception ignored) {
                    // the transaction is gone; the peer retransmits or gives up
                }
            }
        }
    }

    private void incoming(RequestEvent e) throws Exception {
        Request r = e.getRequest();
        String sipCallId = SipMessages.callId(r);
        if (legs.containsKey(sipCallId)) {
            return;
        }
        ServerTransaction st = transaction(e);
        st.sendResponse(sip.response(Response.TRYING, r));
        String sdp = SipMessages.body(r);
        if (sdp == null) {
            st.sendResponse(sip.response(Response.NOT_ACCEPTABLE_HERE, r, UUID.randomUUID().toString().substring(0, 8)));
            return;
        }
        String caller = callerNumber(r);
        String dialled = r.getRequestURI() instanceof SipURI u ? u.getUser() : null;
        Call call = new Call(sipCallId, false, caller);
        Leg customer;
        synchronized (call) {
            customer = new Leg(call, Side.CUSTOMER, sipCallId);
            customer.invite = st;
            customer.dialog = st.getDialog();
            customer.remoteSdp = sdp;
            call.customer = customer;
            calls.put(call.id, call);
            legs.put(sipCallId, customer);
        }
        Optional<Long> contact;
        try {
            javax.sip.header.SubjectHeader subject = (javax.sip.header.SubjectHeader) r.getHeader("Subject");
            contact = events.incoming(call.id, caller, dialled, subject == null ? null : subject.getSubject());
        } catch (RuntimeException ex) {
            LOG.warn("the server refused call {} from {}", call.id, caller, ex);
            contact = Optional.empty();
        }
        boolean hungUpMeanwhile;
        synchronized (call) {
            call.announced = true;
            hungUpMeanwhile = call.abandonedEarly;
            if (contact.isEmpty()) {
                if (customer.invite != null) {
                    st.sendResponse(sip.response(Response.TEMPORARILY_UNAVAILABLE, r, customer.tag));
                    customer.invite = null;
                }
                end(call, customer);
                return;
            }
            if (call.status == CallStatus.RINGING && customer.invite != null) {
                st.sendResponse(sip.response(Response.RINGING, r, customer.tag));
            }
        }
        if (hungUpMeanwhile) {
            events.abandoned(call.id);
        }
    }

    /** P-Asserted-Identity when the trunk gives one, otherwise the From user. */
    private static String callerNumber(Request r) {
        var pai = r.getHeader("P-Asserted-Identity");
        if (pai != null) {
            String value = pai.toString();
            int colon = value.indexOf(':');
            String text = colon >= 0 ? value.substring(colon + 1).trim() : value;
            int sip = text.indexOf("sip:");
            int tel = text.indexOf("tel:");
            int start = sip >= 0 ? sip + 4 : tel >= 0 ? tel + 4 : -1;
            if (start >= 0) {
                int end = start;
                while (end < text.length() && "@;>".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (end > start) {
                    return text.substring(start, end);
                }
            }
        }
        return SipMessages.user(((FromHeader) r.getHeader(FromHeader.NAME)).getAddress());
    }

    private void reinvited(RequestEvent e) throws Exception {
        Leg leg = legs.get(SipMessages.callId(e.getRequest()));
        if (leg == null) {
            respond(e, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        synchronized (leg.call) {
            if (leg.reinviting) {
                respond(e, Response.REQUEST_PENDING);
                return;
            }
            String offer = SipMessages.body(e.getRequest());
            if (offer != null) {
                leg.remoteSdp = offer;
            }
            // the media this leg is bridged to does not change: answer with what it was last given
            Response ok = sip.response(Response.OK, e.getRequest(), leg.tag);
            if (leg.lastSent != null) {
                ok.setContent(leg.lastSent, sip.sdpType());
            }
            transaction(e).sendResponse(ok);
        }
    }

    private void acked(RequestEvent e) {
        Leg leg = legs.get(SipMessages.callId(e.getRequest()));
        if (leg != null) {
            synchronized (leg.call) {
                leg.confirmed = true;
            }
        }
    }

    private void bye(RequestEvent e) throws Exception {
        Leg leg = legs.get(SipMessages.callId(e.getRequest()));
        if (leg == null) {
            respond(e, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        respond(e, Response.OK);
        Call call = leg.call;
        List<Runnable> after = new ArrayList<>();
        synchronized (call) {
            leg.gone = true;
            if (call.status == CallStatus.ENDED) {
                return;
            }
            if (leg == call.consult || leg == call.conference) {
                if (leg == call.conference) {
                    call.conference = null;
                    signals.drop(call.consult);
                }
                backFromConsult(call);
                after.add(() -> events.consult(call.id, VoiceEvents.Consult.ENDED, "The other party hung up."));
            } else if (CustomerFirstCalls.waitingForAgent(leg)) {
                end(call, leg);
                customerFirst.left(leg, after);
            } else if (leg.side == Side.CUSTOMER || leg == call.far) {
                boolean external = leg.side == Side.AGENT && leg.external;
                end(call, leg);
                if (!external) {
                    after.add(() -> events.ended(call.id, leg.side));
                }
            }
        }
        after.forEach(Runnable::run);
    }

    private void cancelled(RequestEvent e) throws Exception {
        Leg leg = legs.get(SipMessages.callId(e.getRequest()));
        respond(e, leg == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK);
        if (leg == null || leg.side != Side.CUSTOMER) {
            return;
        }
        Call call = leg.call;
        List<Runnable> after = new ArrayList<>();
        synchronized (call) {
            if (leg.invite == null || call.status == CallStatus.ENDED) {
                return;
            }
            boolean queued = call.status == CallStatus.RINGING;
            leg.invite.sendResponse(sip.response(Response.REQUEST_TERMINATED, leg.invite.getRequest(), leg.tag));
            leg.invite = null;
            leg.gone = true;
            end(call, leg);
            if (!call.announced) {
                call.abandonedEarly = true;
            } else {
                after.add(queued ? () -> events.abandoned(call.id) : () -> events.ended(call.id, Side.CUSTOMER));
            }
        }
        after.forEach(Runnable::run);
    }

    private void info(RequestEvent e) throws Exception {
        Leg leg = legs.get(SipMessages.callId(e.getRequest()));
        if (leg == null) {
            respond(e, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        respond(e, Response.OK);
        String digit = SipMessages.dtmfSignal(SipMessages.body(e.getRequest()));
        if (digit == null) {
            return;
        }
        Call call = leg.call;
        synchronized (call) {
            Leg other = leg == call.customer ? call.far : call.customer;
            if (other != null) {
                signals.sendInfo(other, digit);
            }
        }
        events.digit(call.id, leg.side, digit);
    }

    // ---- responses to our requests

    @Override
    public void processResponse(ResponseEvent e) {
        Response resp = e.getResponse();
        Leg leg = legs.get(SipMessages.callId(resp));
        if (leg != null && Request.INFO.equals(SipMessages.method(resp)) && resp.getStatusCode() >= 200) {
            signals.digitDone(leg, e.getClientTransaction());
            return;
        }
        if (leg == null || !Request.INVITE.equals(SipMessages.method(resp))) {
            return;
        }
        List<Runnable> after = new ArrayList<>();
        try {
            synchronized (leg.call) {
                ClientTransaction ct = e.getClientTransaction();
                if (ct != null && ct == leg.outgoing) {
                    answered(leg, resp, e.getDialog(), after);
                } else if (ct != null && ct == leg.reinviteTx && resp.getStatusCode() >= 200) {
                    leg.reinviteTx = null;
                    signals.reinviteAnswered(leg, resp, e.getDialog());
                } else if (leg.pendingOk == null) {
                    // a 2xx sent again: our ACK was lost (while a phone's offer waits for its answer, it waits)
                    signals.resendAck(leg, e.getDialog(), resp);
                }
            }
        } catch (Exception ex) {
            LOG.warn("could not handle SIP {} for call {}: {}", resp.getStatusCode(), leg.call.id, ex.toString());
            LOG.debug("SIP failure", ex);
        }
        after.forEach(Runnable::run);
    }

    /** A final answer to the INVITE that opened a leg. */
    private void answered(Leg leg, Response resp, Dialog dialog, List<Runnable> after) throws Exception {
        int status = resp.getStatusCode();
        Call call = leg.call;
        if (status < 200) {
            return;
        }
        leg.outgoing = null;
        leg.cancelTimer();
        if (status >= 300) {
            legFailed(leg, status, after);
            return;
        }
        leg.dialog = dialog;
        leg.remoteSdp = SipMessages.body(resp) != null ? SipMessages.body(resp) : leg.remoteSdp;
        if (call.status == CallStatus.ENDED || leg.gone || leg.cancelled
                || (leg != call.far && leg != call.customer && leg != call.consult && leg != call.conference)) {
            // answered just as we gave up on it: complete the exchange, then hang up
            signals.ack(leg, resp, leg.offerless && leg.remoteSdp != null ? Sdp.withDirection(leg.remoteSdp, "inactive") : null);
            leg.gone = false;
            signals.bye(leg);
            legs.remove(leg.sipCallId);
            return;
        }
        if (CustomerFirstCalls.waitingForAgent(leg)) {
            // a customer-first call answered: it waits, silent, until an agent is connected or it is dropped
            if (!customerFirst.answered(leg, resp, after)) {
                end(call, null);
            }
            return;
        }
        if (leg == call.conference) {
            // the phone's second line is up: the consulted party moves to it, the caller comes off hold
            signals.ack(leg, resp, null);
            signals.reinvite(call.consult, Sdp.withDirection(leg.remoteSdp, "sendrecv"));
            call.held = false;
            applyMedia(call);
            after.add(() -> events.consult(call.id, VoiceEvents.Consult.CONFERENCE, null));
            return;
        }
        if (leg == call.consult) {
            // the consulted party answered: the agent's phone now talks to them
            signals.ack(leg, resp, null);
            signals.reinvite(call.far, Sdp.withDirection(leg.remoteSdp, "sendrecv"));
            after.add(() -> events.consult(call.id, VoiceEvents.Consult.CONNECTED, null));
            return;
        }
        if (call.outbound && leg.side == Side.AGENT && call.customer == null) {
            // the phone answered with its offer: now call the customer with it; ACK once they answer
            leg.pendingOk = resp;
            Leg customer = signals.newLeg(call, Side.CUSTOMER);
            customer.number = call.customerNumber;
            signals.sendInvite(customer, trunkUri(call.customerNumber), leg.username, call.customerNumber,
                    customer.outgoingSdp(Sdp.withDirection(leg.remoteSdp, "sendrecv"), host), CUSTOMER_RING_TIMEOUT);
            call.customer = customer;
            return;
        }
        if (call.outbound && leg.side == Side.CUSTOMER) {
            signals.ack(leg, resp, null);
            Leg agent = call.far;
            signals.ack(agent, agent.pendingOk, agent.outgoingSdp(Sdp.withDirection(leg.remoteSdp, "sendrecv"), host));
            agent.pendingOk = null;
            call.status = CallStatus.CONNECTED;
            after.add(() -> events.connected(call.id));
            return;
        }
        signals.ack(leg, resp, null);
        Leg customer = call.customer;
        String media = Sdp.withDirection(leg.remoteSdp, "sendrecv");
        if (customer.invite != null) {
            Response ok = sip.response(Response.OK, customer.invite.getRequest(), customer.tag);
            ok.setContent(customer.outgoingSdp(media, host), sip.sdpType());
            customer.agreedBody = customer.lastSentBody;
            customer.invite.sendResponse(ok);
            customer.dialog = customer.invite.getDialog();
            customer.invite = null;
        } else {
            signals.reinvite(customer, media);
        }
        call.status = CallStatus.CONNECTED;
        if (!leg.external) {
            after.add(() -> events.connected(call.id));
        }
    }

    private void legFailed(Leg leg, int status, List<Runnable> after) throws Exception {
        Call call = leg.call;
        legs.remove(leg.sipCallId);
        if (call.status == CallStatus.ENDED) {
            return;
        }
        if (leg == call.conference) {
            call.conference = null;
            String problem = "Your phone did not take a second line (" + status + "), so there is no conference; "
                    + "the consultation goes on.";
            after.add(() -> events.consult(call.id, VoiceEvents.Consult.CONNECTED, problem));
            return;
        }
        if (leg == call.consult) {
            backFromConsult(call);
            String problem = leg.username != null ? LegSignals.phoneProblem(status, leg.timedOut).replace("Your phone",
                    leg.username + "'s phone") : LegSignals.numberProblem(status, leg.timedOut);
            after.add(() -> events.consult(call.id, VoiceEvents.Consult.ENDED, problem));
            return;
        }
        if (CustomerFirstCalls.waitingForAgent(leg)) {
            end(call, leg);
            customerFirst.notAnswered(leg, status, after);
            return;
        }
        if (call.outbound) {
            if (leg.side == Side.CUSTOMER && call.far != null && call.far.pendingOk != null) {
                Leg agent = call.far;
                signals.ack(agent, agent.pendingOk, agent.outgoingSdp(Sdp.withDirection(agent.remoteSdp, "inactive"), host));
                agent.pendingOk = null;
            }
            String problem = leg.side == Side.AGENT ? LegSignals.phoneProblem(status, leg.timedOut)
                    : LegSignals.numberProblem(status, leg.timedOut);
            end(call, leg);
            after.add(() -> events.failed(call.id, status, problem));
            return;
        }
        if (leg != call.far) {
            return;
        }
        call.far = null;
        if (leg.external) {
            // an outside number refused a blind transfer: nobody is left to take the caller
            end(call, leg);
            return;
        }
        call.status = CallStatus.RINGING;
        String problem = LegSignals.phoneProblem(status, leg.timedOut) + " The call went back to the queue.";
        after.add(() -> events.failed(call.id, status, problem));
    }

    // ---- SIP out

    private void applyMedia(Call call) {
        Leg agent = call.far;
        Leg customer = call.customer;
        if (agent == null || agent.remoteSdp == null || customer.remoteSdp == null) {
            return;
        }
        String towardsCustomer = call.held ? "sendonly" : "sendrecv";
        String towardsAgent = call.held ? "inactive" : call.muted ? "sendonly" : "sendrecv";
        try {
            signals.reinvite(customer, Sdp.withDirection(agent.remoteSdp, towardsCustomer));
            signals.reinvite(agent, Sdp.withDirection(customer.remoteSdp, towardsAgent));
        } catch (Exception e) {
            throw new IllegalStateException("could not change the call's media: " + e.getMessage(), e);
        }
    }

    /** Ends the call: every leg but {@code except} (which already hung up) is hung up or cancelled. */
    private void end(Call call, Leg except) {
        call.status = CallStatus.ENDED;
        for (Leg leg : new Leg[] {call.customer, call.far, call.consult, call.conference}) {
            if (leg != null && leg != except) {
                signals.drop(leg);
            }
        }
        call.consult = null;
        call.conference = null;
        forget(call);
    }

    private void forget(Call call) {
        calls.remove(call.id);
        // legs stay mapped a little longer so late BYEs and retransmissions still find them
        timers.schedule(() -> {
            for (Leg leg : new Leg[] {call.customer, call.far}) {
                if (leg != null) {
                    legs.remove(leg.sipCallId, leg);
                }
            }
        }, 40, TimeUnit.SECONDS);
    }

    // ---- plumbing

    private ServerTransaction transaction(RequestEvent e) throws SipException {
        ServerTransaction st = e.getServerTransaction();
        return st != null ? st : provider.getNewServerTransaction(e.getRequest());
    }

    private void respond(RequestEvent e, int status) throws Exception {
        reply(e, sip.response(status, e.getRequest()));
    }

    private void reply(RequestEvent e, Response resp) throws Exception {
        transaction(e).sendResponse(resp);
    }

    @Override
    public void processTimeout(TimeoutEvent e) {
        if (e.isServerTransaction() || e.getClientTransaction() == null) {
            return;
        }
        Request r = e.getClientTransaction().getRequest();
        Leg leg = legs.get(SipMessages.callId(r));
        if (leg != null && Request.INFO.equals(r.getMethod())) {
            signals.digitDone(leg, e.getClientTransaction());
            return;
        }
        if (leg == null || !Request.INVITE.equals(r.getMethod())) {
            return;
        }
        List<Runnable> after = new ArrayList<>();
        synchronized (leg.call) {
            if (e.getClientTransaction() == leg.outgoing) {
                leg.outgoing = null;
                leg.cancelTimer();
                try {
                    legFailed(leg, Response.REQUEST_TIMEOUT, after);
                } catch (Exception ex) {
                    LOG.debug("could not handle a timeout", ex);
                }
            } else {
                leg.reinviting = false;
            }
        }
        after.forEach(Runnable::run);
    }

    @Override
    public void processIOException(IOExceptionEvent e) {
        LOG.debug("SIP I/O problem with {}:{}", e.getHost(), e.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent e) {
    }

    /** The stack gave up on a dialog (e.g. an ACK that never came): end a call that still counted on it. */
    @Override
    public void processDialogTerminated(DialogTerminatedEvent e) {
        Leg leg = legs.get(e.getDialog().getCallId().getCallId());
        if (leg == null) {
            return;
        }
        Call call = leg.call;
        boolean tell;
        synchronized (call) {
            if (call.status != CallStatus.CONNECTED || leg.gone || (leg != call.customer && leg != call.far)) {
                return;
            }
            leg.gone = true;
            tell = !leg.external;
            end(call, leg);
        }
        LOG.info("call {}: the {} leg's dialog ended without a BYE", call.id, leg.side);
        if (tell) {
            events.ended(call.id, leg.side);
        }
    }

    @Override
    public void close() {
        for (Call call : List.copyOf(calls.values())) {
            synchronized (call) {
                end(call, null);
            }
        }
        timers.shutdownNow();
        if (stack != null) {
            stack.stop();
        }
    }
}
