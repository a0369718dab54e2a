package dev.switchboard.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.server.sim.SimulatedCallers.Call;
import dev.switchboard.server.sim.SimulatedCallers.State;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated phones and callers against each other, against sipp, and against a registrar stub. */
class SimulatedSipTest {
    private static final String HOST = "127.0.0.1";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private final List<String> phoneEvents = new CopyOnWriteArrayList<>();
    private Registrar registrar;
    private SimulatedPhones phones;
    private SimulatedCallers callers;

    @BeforeEach
    void start() throws Exception {
        registrar = new Registrar(Map.of("sim01", "sim01", "sim02", "sim02"));
        phones = new SimulatedPhones(HOST, HOST, registrar.sip.port, new SimulatedPhones.Listener() {
            @Override
            public void onAnswered(String username, String callId) {
                phoneEvents.add("answered " + username + " " + callId);
            }

            @Override
            public void onEnded(String username, String callId) {
                phoneEvents.add("ended " + username + " " + callId);
            }
        });
        phones.ringDelay(Duration.ofMillis(300));
        phones.register("sim01", "sim01").get(10, TimeUnit.SECONDS);
        // the carrier calls the phones directly, standing in for the server
        callers = new SimulatedCallers(HOST, HOST, phones.port(), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        phones.unregisterAll().get(5, TimeUnit.SECONDS);
        // a JAIN-SIP stack takes a second to stop, so the three stop side by side
        CompletableFuture.allOf(CompletableFuture.runAsync(callers::close),
                CompletableFuture.runAsync(phones::close), CompletableFuture.runAsync(registrar::close)).join();
    }

    @Test
    void registerAnswersTheDigestChallengeAndUnregistersOnClose() {
        assertThat(phones.registeredCount()).isEqualTo(1);
        Request first = registrar.registers.get(0);
        assertThat(first.getHeader(AuthorizationHeader.NAME)).isNull();
        assertThat(((ToHeader) first.getHeader(ToHeader.NAME)).getAddress().getURI()).hasToString("sip:sim01@" + HOST);
        assertThat(((ContactHeader) first.getHeader(ContactHeader.NAME)).getAddress().getURI())
                .hasToString("sip:sim01@" + HOST + ":" + phones.port());
        assertThat(((ExpiresHeader) first.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(3600);

        AuthorizationHeader auth = (AuthorizationHeader) registrar.registers.get(1).getHeader(AuthorizationHeader.NAME);
        String uri = "sip:" + HOST + ":" + registrar.sip.port;
        assertThat(auth.getUsername()).isEqualTo("sim01");
        assertThat(auth.getRealm()).isEqualTo("switchboard");
        assertThat(auth.getNonce()).isEqualTo(Registrar.NONCE);
        assertThat(auth.getURI()).hasToString(uri);
        assertThat(auth.getQop()).isEqualTo("auth");
        assertThat(auth.getParameter("nc")).isEqualTo("00000001");
        assertThat(auth.getCNonce()).isNotBlank();
        // RFC 2617 3.2.2.1, computed here independently of the phones
        String ha1 = md5("sim01:switchboard:sim01");
        String ha2 = md5("REGISTER:" + uri);
        assertThat(auth.getResponse())
                .isEqualTo(md5(ha1 + ":" + Registrar.NONCE + ":00000001:" + auth.getCNonce() + ":auth:" + ha2));
        assertThat(registrar.bindings).containsEntry("sim01", "sip:sim01@" + HOST + ":" + phones.port());

        phones.close();
        assertThat(registrar.bindings).isEmpty();
        Request last = registrar.registers.get(registrar.registers.size() - 1);
        assertThat(((ExpiresHeader) last.getHeader(ExpiresHeader.NAME)).getExpires()).isZero();
        assertThat(phones.registeredCount()).isZero();
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> phones.register("sim02", "not-sim02").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("403");
        assertThat(phones.registeredCount()).isEqualTo(1);
        assertThat(registrar.bindings).doesNotContainKey("sim02");
    }

    @Test
    void reRegistersBeforeTheBindingExpires() {
        registrar.grant = 2;
        phones.register("sim02", "sim02");
        await().atMost(WAIT).until(() -> registrar.authorized("sim02") >= 2);
        assertThat(phones.registeredCount()).isEqualTo(2);
    }

    @Test
    void aPhoneRingsThenAnswersAndTheCallerHangsUpAfterItsHoldTime() {
        Call call = callers.call("+441632960001", "sim01", Duration.ofMillis(200));
        assertThat(call.state()).isEqualTo(State.RINGING);
        await().atMost(WAIT).until(() -> call.state() == State.ANSWERED);
        assertThat(call.timeToAnswer()).get().matches(d -> d.compareTo(Duration.ofMillis(300)) >= 0, "after the ring");
        await().atMost(WAIT).until(() -> phoneEvents.contains("answered sim01 " + call.callId()));
        await().atMost(WAIT).until(() -> call.state() == State.ENDED);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.abandoned()).isFalse();
        await().atMost(WAIT).until(() -> phoneEvents.contains("ended sim01 " + call.callId()));
        assertThat(callers.inProgress()).isZero();
    }

    @Test
    void aPhoneHangsUpItselfAfterTheHandleTime() {
        phones.hangUpAfter(Duration.ofMillis(200));
        Call call = callers.call("+441632960002", "sim01");
        await().atMost(WAIT).until(() -> call.state() == State.ENDED);
        assertThat(call.timeToAnswer()).isPresent();
        await().atMost(WAIT).until(() -> phoneEvents.size() == 2);
        assertThat(phoneEvents).containsExactly("answered sim01 " + call.callId(), "ended sim01 " + call.callId());
    }

    @Test
    void aBusyPhoneOrAnUnknownUserFailsTheCall() throws Exception {
        phones.busy("sim01", true);
        Call busy = callers.call("+441632960003", "sim01");
        Call unknown = callers.call("+441632960004", "nobody");
        assertThat(busy.finished().get(15, TimeUnit.SECONDS).state()).isEqualTo(State.FAILED);
        assertThat(busy.status()).isEqualTo(486);
        assertThat(unknown.finished().get(15, TimeUnit.SECONDS).status()).isEqualTo(404);
        assertThat(busy.abandoned()).isFalse();
        assertThat(phoneEvents).isEmpty();
    }

    @Test
    void aCallerWhoGivesUpWhileRingingIsAbandoned() throws Exception {
        phones.ringDelay(Duration.ofSeconds(30));
        Call ringing = callers.call("+441632960005", "sim01");
        await().atMost(WAIT).until(() -> ringing.status() == 180);
        ringing.cancel();
        Call atOnce = callers.call("+441632960006", "sim01");
        atOnce.cancel(); // before any provisional: the CANCEL waits for one
        for (Call call : List.of(ringing, atOnce)) {
            assertThat(call.finished().get(15, TimeUnit.SECONDS).state()).isEqualTo(State.FAILED);
            assertThat(call.status()).isEqualTo(487);
            assertThat(call.abandoned()).isTrue();
            assertThat(call.timeToAnswer()).isEmpty();
        }
        await().atMost(WAIT).until(() -> phoneEvents.size() == 2);
        assertThat(phoneEvents).containsExactlyInAnyOrder("ended sim01 " + ringing.callId(),
                "ended sim01 " + atOnce.callId());
    }

    @Test
    void hundredsOfCallsInProgressAllGetThrough() {
        List<Call> calls = IntStream.range(0, 300)
                .mapToObj(i -> callers.call("+44163296" + (1000 + i), "sim01", Duration.ofMillis(500))).toList();
        assertThat(callers.inProgress()).isGreaterThan(200); // all ring together: the phone waits 300 ms
        await().atMost(WAIT).until(() -> callers.inProgress() == 0);
        assertThat(calls).allMatch(call -> call.state() == State.ENDED, "ended");
        await().atMost(WAIT).until(() -> phoneEvents.size() == 600);
    }

    @Test
    void sippCallsAPhoneWithTheStockScenario() throws Exception {
        Process sipp = sipp("-sn", "uac", "-s", "sim01", HOST + ":" + phones.port());
        assertThat(exitCode(sipp)).isZero();
        await().atMost(WAIT).until(() -> phoneEvents.size() == 2);
        assertThat(phoneEvents).allMatch(e -> e.contains(" sim01 "));
    }

    @Test
    void aPhoneOffersWhenInvitedWithoutSdpAndMirrorsHoldMuteAndTakesDtmf() throws Exception {
        Path scenario = dir.resolve("phone.xml");
        Files.writeString(scenario, Scenarios.phoneCheck());
        Process sipp = sipp("-sf", scenario.toString(), "-s", "sim01", HOST + ":" + phones.port());
        assertThat(exitCode(sipp)).isZero();
        await().atMost(WAIT).until(() -> phoneEvents.size() == 2);
    }

    @Test
    void aCallerReachesSippAndHangsUp() throws Exception {
        int port = freePort();
        Process sipp = sipp("-sn", "uas", "-p", String.valueOf(port));
        try (SimulatedCallers carrier = new SimulatedCallers(HOST, HOST, port, Clock.systemUTC())) {
            Call call = carrier.call("+441632960007", "service", Duration.ofMillis(200));
            assertThat(call.finished().get(20, TimeUnit.SECONDS).state()).isEqualTo(State.ENDED);
            assertThat(call.timeToAnswer()).isPresent();
        }
        assertThat(exitCode(sipp)).isZero();
    }

    @Test
    void aCallerAnswersHoldAndDtmfAndTheServersHangUp() throws Exception {
        int port = freePort();
        try (SimulatedCallers carrier = new SimulatedCallers(HOST, HOST, port, Clock.systemUTC())) {
            Path scenario = dir.resolve("caller.xml");
            Files.writeString(scenario, Scenarios.callerCheck("+441632960008", HOST + ":" + carrier.port()));
            Process sipp = sipp("-sf", scenario.toString(), "-p", String.valueOf(port));
            Call call = carrier.call("+441632960008", "service");
            assertThat(call.finished().get(20, TimeUnit.SECONDS).state()).isEqualTo(State.ENDED);
            assertThat(exitCode(sipp)).isZero();
            assertThat(carrier.inProgress()).isZero();
        }
    }

    private Process sipp(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("sipp", "-nostdin", "-m", "1", "-i", HOST,
                "-timeout", "20s", "-timeout_error", "-trace_err"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile()).start();
    }

    /** Waits for sipp to finish; on failure shows what it logged, so a broken test says why. */
    private int exitCode(Process sipp) throws Exception {
        assertThat(sipp.waitFor(30, TimeUnit.SECONDS)).as("sipp finished").isTrue();
        if (sipp.exitValue() != 0) {
            try (var files = Files.list(dir)) {
                for (Path log : files.filter(p -> !p.toString().endsWith(".xml")).toList()) {
                    System.out.println(log + ":\n" + Files.readString(log));
                }
            }
        }
        return sipp.exitValue();
    }

    private static int freePort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String md5(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A registrar as the spec describes it: 401 with a fixed nonce first, then checks the digest itself. */
    private static final class Registrar implements AutoCloseable {
        static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
        final List<Request> registers = new CopyOnWriteArrayList<>();
        final Map<String, String> bindings = new ConcurrentHashMap<>();
        final Map<String, String> passwords;
        final SipEndpoint sip;
        volatile int grant = 3600;

        Registrar(Map<String, String> passwords) {
            this.passwords = passwords;
            this.sip = SipEndpoint.open("test-registrar", HOST, this::onRequest);
        }

        long authorized(String user) {
            return registers.stream().map(r -> (AuthorizationHeader) r.getHeader(AuthorizationHeader.NAME))
                    .filter(a -> a != null && a.getUsername().equals(user)).count();
        }

        private void onRequest(RequestEvent event) {
            Request request = event.getRequest();
            try {
                ServerTransaction st = sip.serverTransaction(event);
                if (st == null) {
                    return; // a retransmission
                }
                registers.add((Request) request.clone());
                AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
                if (auth == null) {
                    Response challenge = sip.messages.createResponse(Response.UNAUTHORIZED, request);
                    WWWAuthenticateHeader www = sip.headers.createWWWAuthenticateHeader("Digest");
                    www.setRealm("switchboard");
                    www.setNonce(NONCE);
                    www.setAlgorithm("MD5");
                    www.setQop("auth");
                    challenge.addHeader(www);
                    st.sendResponse(challenge);
                    return;
                }
                String expected = md5(md5(auth.getUsername() + ":switchboard:" + passwords.get(auth.getUsername()))
                        + ":" + NONCE + ":" + auth.getParameter("nc") + ":" + auth.getCNonce() + ":auth:"
                        + md5("REGISTER:" + auth.getURI()));
                if (!expected.equals(auth.getResponse())) {
                    st.sendResponse(sip.messages.createResponse(Response.FORBIDDEN, request));
                    return;
                }
                ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
                Response ok = sip.messages.createResponse(Response.OK, request);
                if (request.getExpires().getExpires() == 0) {
                    bindings.remove(auth.getUsername());
                } else {
                    bindings.put(auth.getUsername(), contact.getAddress().getURI().toString());
                    ContactHeader granted = (ContactHeader) contact.clone();
                    granted.setExpires(grant);
                    ok.addHeader(granted);
                }
                st.sendResponse(ok);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            sip.close();
        }
    }

    /** sipp scenarios that check the SIP a simulated endpoint sends; sipp fails the call on a missing match. */
    private static final class Scenarios {
        private static final String TO_PHONE = "sip:[service]@[remote_ip]:[remote_port]";
        private static final String DTMF =
                "Content-Type: application/dtmf-relay\nContent-Length: [len]\n\nSignal=5\nDuration=160\n";

        /** As the server toward a phone: click-to-dial without SDP, hold (inactive), mute (sendonly), DTMF, BYE. */
        static String phoneCheck() {
            String from = "From: <sip:+441632960009@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]";
            String to = "To: <" + TO_PHONE + ">[peer_tag_param]";
            return scenario("v1,v2,v3,v4",
                    send(TO_PHONE, "INVITE", 1, from, to, ""),
                    "<recv response=\"100\" optional=\"true\"/>",
                    "<recv response=\"180\"/>",
                    expect("v1", "m=audio [0-9]+ RTP/AVP 0 8 101", "v2", "a=sendrecv"),
                    send(TO_PHONE, "ACK", 1, from, to, sdp("sendrecv")),
                    send(TO_PHONE, "INVITE", 2, from, to, sdp("inactive")),
                    "<recv response=\"100\" optional=\"true\"/>",
                    expect("v3", "a=inactive"),
                    send(TO_PHONE, "ACK", 2, from, to, ""),
                    send(TO_PHONE, "INVITE", 3, from, to, sdp("sendonly")),
                    "<recv response=\"100\" optional=\"true\"/>",
                    expect("v4", "a=recvonly"),
                    send(TO_PHONE, "ACK", 3, from, to, ""),
                    send(TO_PHONE, "INFO", 4, from, to, DTMF),
                    "<recv response=\"200\"/>",
                    send(TO_PHONE, "BYE", 5, from, to, ""),
                    "<recv response=\"200\"/>");
        }

        /** As the server toward a caller: answer, hold (sendonly, expecting recvonly), DTMF, then hang up. */
        static String callerCheck(String number, String address) {
            String target = "sip:" + number + "@" + address;
            String reply = "[last_Via:]\n[last_From:]\n[last_To:];tag=[pid]SIPpTag01[call_number]\n[last_Call-ID:]\n"
                    + "[last_CSeq:]\nContact: <sip:sipp@[local_ip]:[local_port]>\n";
            return scenario("v1,local,remote",
                    "<recv request=\"INVITE\"/>",
                    "<send><![CDATA[\nSIP/2.0 180 Ringing\n" + reply + "Content-Length: 0\n\n]]></send>",
                    "<send retrans=\"500\"><![CDATA[\nSIP/2.0 200 OK\n" + reply + sdp("sendrecv") + "]]></send>",
                    "<recv request=\"ACK\"><action>"
                            + "<ereg regexp=\".*\" search_in=\"hdr\" header=\"From:\" assign_to=\"remote\"/>"
                            + "<ereg regexp=\".*\" search_in=\"hdr\" header=\"To:\" assign_to=\"local\"/>"
                            + "</action></recv>",
                    send(target, "INVITE", 1, "From: [$local]", "To: [$remote]", sdp("sendonly")),
                    expect("v1", "a=recvonly"),
                    send(target, "ACK", 1, "From: [$local]", "To: [$remote]", ""),
                    send(target, "INFO", 2, "From: [$local]", "To: [$remote]", DTMF),
                    "<recv response=\"200\"/>",
                    send(target, "BYE", 3, "From: [$local]", "To: [$remote]", ""),
                    "<recv response=\"200\"/>");
        }

        private static String scenario(String variables, String... steps) {
            return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"check\">\n"
                    + String.join("\n", steps) + "\n<Reference variables=\"" + variables + "\"/>\n</scenario>\n";
        }

        /** A request; {@code tail} is empty or the Content-Type and Content-Length lines plus the body. */
        private static String send(String uri, String method, int cseq, String from, String to, String tail) {
            String retrans = method.equals("ACK") ? "" : " retrans=\"500\"";
            String body = tail.isEmpty() ? "Content-Length: 0\n\n" : tail;
            return "<send" + retrans + "><![CDATA[\n" + method + " " + uri + " SIP/2.0\n"
                    + "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n" + from + "\n" + to + "\n"
                    + "Call-ID: [call_id]\nCSeq: " + cseq + " " + method + "\n"
                    + "Contact: <sip:sipp@[local_ip]:[local_port]>\nMax-Forwards: 70\n"
                    + body
                    + "]]></send>";
        }

        private static String sdp(String direction) {
            return "Content-Type: application/sdp\nContent-Length: [len]\n\nv=0\n"
                    + "o=check 1 1 IN IP4 [local_ip]\ns=-\nc=IN IP4 [local_ip]\nt=0 0\n"
                    + "m=audio 6000 RTP/AVP 0 101\na=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\n"
                    + "a=" + direction + "\n";
        }

        /** A 200 OK whose body must match each regexp (pairs of variable name and regexp). */
        private static String expect(String... variablesAndRegexps) {
            StringBuilder checks = new StringBuilder();
            for (int i = 0; i < variablesAndRegexps.length; i += 2) {
                checks.append("<ereg regexp=\"").append(variablesAndRegexps[i + 1])
                        .append("\" search_in=\"body\" check_it=\"true\" assign_to=\"")
                        .append(variablesAndRegexps[i]).append("\"/>");
            }
            return "<recv response=\"200\"><action>" + checks + "</action></recv>";
        }
    }
}
