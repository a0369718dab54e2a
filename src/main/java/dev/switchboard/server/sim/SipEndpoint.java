package dev.switchboard.server.sim;

import dev.switchboard.channels.voice.Slf4jServerLogger;
import dev.switchboard.channels.voice.Slf4jStackLogger;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The plumbing the simulated SIP endpoints share: one JAIN-SIP stack with one UDP listening point on a
 * free port, message building, the digest answer, and the simulated SDP of a call.
 */
final class SipEndpoint {
    /** A {@link SipListener} that only has to handle what it cares about. */
    interface Handler extends SipListener {
        @Override
        default void processResponse(ResponseEvent event) {
        }

        @Override
        default void processTimeout(TimeoutEvent event) {
        }

        @Override
        default void processIOException(IOExceptionEvent event) {
        }

        @Override
        default void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        default void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }

    /** A handler made of the four callbacks the simulated endpoints use. */
    static Handler handler(Consumer<RequestEvent> requests, Consumer<ResponseEvent> responses,
                           Consumer<TimeoutEvent> timeouts, Consumer<DialogTerminatedEvent> dialogsEnded) {
        return new Handler() {
            @Override
            public void processRequest(RequestEvent event) {
                requests.accept(event);
            }

            @Override
            public void processResponse(ResponseEvent event) {
                responses.accept(event);
            }

            @Override
            public void processTimeout(TimeoutEvent event) {
                timeouts.accept(event);
            }

            @Override
            public void processDialogTerminated(DialogTerminatedEvent event) {
                dialogsEnded.accept(event);
            }
        };
    }

    private static final int BIND_ATTEMPTS = 10;
    private static final List<String> ALLOWED = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
            Request.INFO, Request.OPTIONS);

    final SipProvider provider;
    final MessageFactory messages = new MessageFactoryImpl();
    final HeaderFactory headers = new HeaderFactoryImpl();
    final AddressFactory addresses = new AddressFactoryImpl();
    final String host;
    final int port;
    private final SipStackImpl stack;

    private SipEndpoint(SipStackImpl stack, SipProvider provider, String host, int port) {
        this.stack = stack;
        this.provider = provider;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts a stack named {@code name} plus a random suffix, listening on UDP on a free port of {@code host}.
     *
     * @throws IllegalStateException when the stack cannot start or no port can be bound
     */
    static SipEndpoint open(String name, String host, Handler handler) {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", name + "-" + UUID.randomUUID());
        properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        // the endpoints lock per call, so messages of different calls may be handled at the same time
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        SipStackImpl stack;
        try {
            stack = new SipStackImpl(properties);
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("SIP stack " + name + " cannot be created", e);
        }
        try {
            ListeningPoint point = listen(stack, host);
            SipProvider provider = stack.createSipProvider(point);
            provider.addSipListener(handler);
            stack.start();
            return new SipEndpoint(stack, provider, host, point.getPort());
        } catch (SipException | java.util.TooManyListenersException e) {
            stack.stop();
            throw new IllegalStateException("SIP stack " + name + " did not start on " + host, e);
        }
    }

    private static ListeningPoint listen(SipStackImpl stack, String host) throws SipException {
        Exception last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName(host))) {
                port = probe.getLocalPort();
            } catch (IOException e) {
                throw new SipException("no free UDP port on " + host, e);
            }
            try {
                return stack.createListeningPoint(host, port, ListeningPoint.UDP);
            } catch (InvalidArgumentException e) {
                last = e; // another process took the port between the probe and the bind
            }
        }
        throw new SipException("could not bind a UDP port on " + host, last);
    }

    /** Stops the stack: its sockets and threads. */
    void close() {
        stack.stop();
    }

    Request request(SipURI target, String method, String callId, long cseq, Address from, String fromTag, Address to)
            throws ParseException, InvalidArgumentException {
        return messages.createRequest(target, method, headers.createCallIdHeader(callId),
                headers.createCSeqHeader(cseq, method), headers.createFromHeader(from, fromTag),
                headers.createToHeader(to, null),
                List.of(headers.createViaHeader(host, port, ListeningPoint.UDP, null)),
                headers.createMaxForwardsHeader(70));
    }

    ContactHeader contact(String user) throws ParseException {
        SipURI uri = addresses.createSipURI(user, host);
        uri.setPort(port);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    /** A response that adds a To tag (if the request has none), a Contact (if a user is given) and SDP (if given). */
    Response response(Request request, int code, String toTag, String contactUser, String sdp) throws ParseException {
        Response response = messages.createResponse(code, request);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (toTag != null && to.getTag() == null) {
            to.setTag(toTag);
        }
        if (contactUser != null) {
            response.addHeader(contact(contactUser));
        }
        if (sdp != null) {
            response.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
        }
        return response;
    }

    /** The request's server transaction, or null when the request is a retransmission the stack already handles. */
    ServerTransaction serverTransaction(RequestEvent event) throws SipException {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        }
    }

    void reply(RequestEvent event, int code) throws SipException, ParseException, InvalidArgumentException {
        ServerTransaction st = serverTransaction(event);
        if (st != null) {
            st.sendResponse(messages.createResponse(code, event.getRequest()));
        }
    }

    /** OPTIONS: 200; INFO: 200 within a known call, else 481; anything else: 405 with Allow. */
    void replyOther(RequestEvent event, boolean knownCall)
            throws SipException, ParseException, InvalidArgumentException {
        String method = event.getRequest().getMethod();
        if (Request.OPTIONS.equals(method) || Request.INFO.equals(method)) {
            reply(event, knownCall || Request.OPTIONS.equals(method) ? Response.OK
                    : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        ServerTransaction st = serverTransaction(event);
        if (st != null) {
            Response response = messages.createResponse(Response.METHOD_NOT_ALLOWED, event.getRequest());
            for (String allowed : ALLOWED) {
                response.addHeader(headers.createAllowHeader(allowed));
            }
            st.sendResponse(response);
        }
    }

    /** The seconds a registrar granted our Contact: its expires parameter, else the Expires header, else asked. */
    long granted(Response response, int asked) {
        ListIterator<?> contacts = response.getHeaders(ContactHeader.NAME);
        while (contacts.hasNext()) {
            ContactHeader contact = (ContactHeader) contacts.next();
            if (contact.getAddress().getURI() instanceof SipURI uri && uri.getPort() == port
                    && contact.getExpires() >= 0) {
                return contact.getExpires();
            }
        }
        return response.getExpires() != null ? response.getExpires().getExpires() : asked;
    }

    void bye(Dialog dialog) throws SipException {
        dialog.sendRequest(provider.getNewClientTransaction(dialog.createRequest(Request.BYE)));
    }

    /** The digest answer of RFC 2617 to a challenge: MD5, with qop=auth when the server offers it. */
    AuthorizationHeader authorization(String method, String uri, String user, String password,
                                      WWWAuthenticateHeader challenge) throws ParseException {
        AuthorizationHeader auth = challenge instanceof ProxyAuthenticateHeader
                ? headers.createProxyAuthorizationHeader("Digest") : headers.createAuthorizationHeader("Digest");
        String realm = challenge.getRealm();
        String nonce = challenge.getNonce();
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        auth.setUsername(user);
        auth.setRealm(realm);
        auth.setNonce(nonce);
        auth.setURI(addresses.createURI(uri));
        auth.setAlgorithm("MD5");
        if (challenge.getOpaque() != null) {
            auth.setOpaque(challenge.getOpaque());
        }
        String qop = challenge.getQop();
        if (qop != null && List.of(qop.toLowerCase(Locale.ROOT).trim().split("\\s*,\\s*")).contains("auth")) {
            String cnonce = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            String nc = "00000001"; // a fresh nonce for every request, so always the first use
            auth.setQop("auth");
            auth.setCNonce(cnonce);
            auth.setParameter("nc", nc);
            auth.setResponse(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2));
        } else {
            auth.setResponse(md5(ha1 + ":" + nonce + ":" + ha2));
        }
        return auth;
    }

    private static String md5(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    static String tag() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    static String callId(javax.sip.message.Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** True when the request belongs to a dialog (its To carries a tag). */
    static boolean inDialog(Request request) {
        return ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
    }

    /** The message body as text, or null when there is none. */
    static String body(javax.sip.message.Message message) {
        byte[] raw = message.getRawContent();
        return raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
    }

    /** The SDP one side of a call sends: its own address and (unused) media port, a version raised on every body. */
    static final class Media {
        private static final String CRLF = "\r\n";
        private static final List<String> DIRECTIONS = List.of("sendrecv", "sendonly", "recvonly", "inactive");

        private final String host;
        private final int port = 20000 + 2 * ThreadLocalRandom.current().nextInt(10000);
        private final long session = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        private long version = session;

        Media(String host) {
            this.host = host;
        }

        /** An offer: audio in PCMU, PCMA and telephone events, sendrecv. */
        synchronized String offer() {
            return start() + "m=audio " + port + " RTP/AVP 0 8 101" + CRLF
                    + "a=rtpmap:0 PCMU/8000" + CRLF + "a=rtpmap:8 PCMA/8000" + CRLF
                    + "a=rtpmap:101 telephone-event/8000" + CRLF + "a=fmtp:101 0-16" + CRLF + "a=sendrecv" + CRLF;
        }

        /** The answer to an offer, or a new offer when the request came without one. */
        synchronized String reply(String offer) {
            return offer == null || offer.isBlank() ? offer() : answer(offer);
        }

        /** Each offered stream back with our port and the same formats, the direction mirrored. */
        private String answer(String offer) {
            String[] lines = offer.split("\r?\n");
            String sessionDirection = "sendrecv";
            int i = 0;
            for (; i < lines.length && !lines[i].startsWith("m="); i++) {
                sessionDirection = DIRECTIONS.contains(attribute(lines[i])) ? attribute(lines[i]) : sessionDirection;
            }
            StringBuilder sdp = new StringBuilder(start());
            int stream = 0;
            while (i < lines.length) {
                String[] m = lines[i].substring(2).trim().split(" ", 4);
                String direction = sessionDirection;
                StringBuilder formats = new StringBuilder();
                for (i++; i < lines.length && !lines[i].startsWith("m="); i++) {
                    if (DIRECTIONS.contains(attribute(lines[i]))) {
                        direction = attribute(lines[i]);
                    } else if (lines[i].startsWith("a=rtpmap:") || lines[i].startsWith("a=fmtp:")) {
                        formats.append(lines[i].trim()).append(CRLF);
                    }
                }
                int ours = m.length > 1 && m[1].equals("0") ? 0 : port + 2 * stream++;
                sdp.append("m=").append(m[0]).append(' ').append(ours);
                for (int k = 2; k < m.length; k++) {
                    sdp.append(' ').append(m[k]);
                }
                sdp.append(CRLF).append(formats).append("a=").append(mirror(direction)).append(CRLF);
            }
            return sdp.toString();
        }

        private String start() {
            version++;
            return "v=0" + CRLF + "o=sim " + session + " " + version + " IN IP4 " + host + CRLF + "s=-" + CRLF
                    + "c=IN IP4 " + host + CRLF + "t=0 0" + CRLF;
        }

        private static String attribute(String line) {
            return line.startsWith("a=") ? line.substring(2).trim() : "";
        }

        private static String mirror(String direction) {
            return switch (direction) {
                case "sendonly" -> "recvonly";
                case "recvonly" -> "sendonly";
                case "inactive" -> "inactive";
                default -> "sendrecv";
            };
        }
    }
}
