package dev.switchboard.channels.voice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phones registering with the gateway: digest authentication against the HA1 the server keeps
 * (MD5, qop=auth; each nonce's count must go up, so an old answer cannot be replayed, say with
 * another Contact), then the binding in the {@link Registrar}.
 */
final class PhoneRegistrations {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneRegistrations.class);
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_NONCES = 10_000;
    private static final int MAX_EXPIRES = 3600;

    /** A challenge handed out: when, and the highest nonce count a phone has used with it. */
    private record Nonce(Instant issued, long lastCount) {
    }

    private final Map<String, Nonce> nonces = new ConcurrentHashMap<>();
    private final Registrar registrar;
    private final VoiceEvents events;
    private final SipMessages sip;
    private final Clock clock;

    PhoneRegistrations(Registrar registrar, VoiceEvents events, SipMessages sip, Clock clock) {
        this.registrar = registrar;
        this.events = events;
        this.sip = sip;
        this.clock = clock;
    }

    /** Answers a REGISTER: a challenge, a refusal, or the binding recorded (and the server told of a change). */
    void handle(RequestEvent e, ServerTransaction st) throws Exception {
        Request r = e.getRequest();
        String user = SipMessages.user(((ToHeader) r.getHeader(ToHeader.NAME)).getAddress());
        AuthorizationHeader auth = (AuthorizationHeader) r.getHeader(AuthorizationHeader.NAME);
        Nonce nonce = auth == null || auth.getNonce() == null ? null : nonces.get(auth.getNonce());
        if (nonce == null) {
            challenge(e, st, auth != null);
            return;
        }
        // each answer to a challenge counts up: an old one replayed (say with another Contact) is refused
        long count = auth.getQop() == null ? Long.MAX_VALUE : auth.getNonceCount();
        if (count <= nonce.lastCount()) {
            challenge(e, st, true);
            return;
        }
        Optional<String> ha1 = user == null ? Optional.empty() : events.phoneHa1(user);
        if (ha1.isEmpty() || !user.equals(auth.getUsername()) || !answers(auth, ha1.get(), r.getMethod())) {
            LOG.info("refused REGISTER for {}: wrong credentials", user);
            st.sendResponse(sip.response(Response.FORBIDDEN, r));
            return;
        }
        nonces.put(auth.getNonce(), new Nonce(nonce.issued(), count));
        ContactHeader contact = (ContactHeader) r.getHeader(ContactHeader.NAME);
        Response ok = sip.response(Response.OK, r);
        Optional<Registrar.Binding> before;
        Optional<Registrar.Binding> now;
        if (contact == null) {
            before = registrar.find(user);
            now = before;
        } else {
            int expires = contact.getExpires();
            ExpiresHeader header = r.getExpires();
            if (expires < 0) {
                expires = header != null ? header.getExpires() : MAX_EXPIRES;
            }
            expires = Math.min(expires, MAX_EXPIRES);
            if (contact.isWildCard() || expires == 0) {
                before = registrar.remove(user);
                now = Optional.empty();
            } else {
                String uri = contact.getAddress().getURI().toString();
                before = registrar.put(user, uri, expires);
                now = registrar.find(user);
                ContactHeader echoed = sip.headers.createContactHeader(contact.getAddress());
                echoed.setExpires(expires);
                ok.addHeader(echoed);
                ok.addHeader(sip.headers.createExpiresHeader(expires));
            }
        }
        st.sendResponse(ok);
        boolean changed = before.isPresent() != now.isPresent()
                || before.isPresent() && !before.get().contact().equals(now.get().contact());
        if (changed) {
            LOG.info("phone {} {}", user, now.map(b -> "registered at " + b.contact()).orElse("unregistered"));
            events.phone(user, now);
        }
    }

    private void challenge(RequestEvent e, ServerTransaction st, boolean stale) throws Exception {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        if (nonces.size() >= MAX_NONCES) {
            forgetOldNonces();
            if (nonces.size() >= MAX_NONCES) {
                nonces.clear();
            }
        }
        nonces.put(nonce, new Nonce(clock.instant(), 0));
        Response resp = sip.response(Response.UNAUTHORIZED, e.getRequest());
        WWWAuthenticateHeader www = sip.headers.createWWWAuthenticateHeader("Digest");
        www.setRealm(SipSettings.REALM);
        www.setNonce(nonce);
        www.setAlgorithm("MD5");
        www.setQop("auth");
        if (stale) {
            www.setStale(true);
        }
        resp.addHeader(www);
        st.sendResponse(resp);
    }

    private static boolean answers(AuthorizationHeader auth, String ha1, String method) {
        String qop = auth.getQop();
        String nc = qop == null ? null : String.format("%08x", auth.getNonceCount());
        String expected = Digest.response(ha1, auth.getNonce(), method, auth.getURI().toString(), qop, nc,
                auth.getCNonce());
        return expected.equalsIgnoreCase(auth.getResponse());
    }

    void forgetOldNonces() {
        Instant oldest = clock.instant().minus(NONCE_LIFETIME);
        nonces.values().removeIf(n -> n.issued().isBefore(oldest));
    }
}
