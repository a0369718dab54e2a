package dev.switchboard.server;

import dev.switchboard.api.CallView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.channels.voice.SipSettings;
import dev.switchboard.channels.voice.Sipp;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.CallState;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.server.sim.SimulatedPhones;
import dev.switchboard.store.AgentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The dialler's customer-first calls ({@link CampaignCalls}) against real SIP peers: sipp plays the
 * customer behind the trunk (answering an INVITE without an offer, refusing it, letting it ring,
 * hanging up while the call waits) and the agent's phone; the demo's simulated customers and phones
 * take the same calls. Asserts on what the listener hears, the SIP each side saw, the agent's contact
 * and call events, and that nothing is left behind.
 */
class CampaignCallsSipTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NUMBER = "+447700900555";

    private SwitchboardServer server;
    private CampaignLines lines;
    private final SipPeers sip = new SipPeers(WAIT);
    private final Heard heard = new Heard();

    /** What the dialler heard, call by call, in order. */
    private static final class Heard implements CampaignLines.Listener {
        final Map<String, List<String>> events = new ConcurrentHashMap<>();
        final Map<String, String> problems = new ConcurrentHashMap<>();

        private void add(String callId, String event) {
            events.computeIfAbsent(callId, id -> new CopyOnWriteArrayList<>()).add(event);
        }

        @Override
        public void answered(String callId) {
            add(callId, "answered");
        }

        @Override
        public void notAnswered(String callId, AttemptResult result, String problem) {
            problems.put(callId, problem);
            add(callId, result.name());
        }

        @Override
        public void customerLeft(String callId) {
            add(callId, "left");
        }

        List<String> of(String callId) {
            return events.getOrDefault(callId, List.of());
        }

        void await(String callId, String event) {
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> of(callId).contains(event));
        }
    }

    private void startServer(Sipp trunk) {
        server = SwitchboardServer.start(ServerOptions.inMemory("campaign-" + System.nanoTime(), 0)
                .withSip(new SipSettings("127.0.0.1", 0, trunk == null ? null : "127.0.0.1:" + trunk.port(),
                        Duration.ofSeconds(3))));
        lines = server.voice().campaignLines();
    }

    @AfterEach
    void stop() throws Exception {
        sip.close();
        if (server != null) {
            server.close();
        }
    }

    private Sipp peer(Sipp.Builder builder) {
        return sip.peer(builder);
    }

    /** The agent's phone: the answering sipp, registered under the agent's name. */
    private Sipp phone(String user, String scenario) {
        return sip.phone(server, user, scenario);
    }

    private AgentDesk desk(String user) {
        AgentDesk desk = new AgentDesk(server, user);
        sip.closeAfter(desk);
        return desk;
    }

    private Agent agent(String username) {
        return new AgentStore(server.database().dataSource()).findByUsername(username).orElseThrow();
    }

    private CallView awaitCall(AgentDesk desk, long id, CallState state) {
        return await().atMost(WAIT).until(() -> desk.payloads(EventTypes.CALL, CallView.class).stream()
                .filter(c -> c.interactionId() == id && c.state() == state).reduce((a, b) -> b).orElse(null),
                Objects::nonNull);
    }

    /** Nothing of the call is left: not in the gateway, the phone channel's books, nor the dialler's lines. */
    private void awaitNothingLeft() {
        await().atMost(WAIT).until(() -> server.voice().stats().inProgress() == 0);
        assertThat(((CampaignCalls) lines).open()).isZero();
    }

    /** The texts of the messages of this kind ("INVITE", "200", ...) the peer sent or received, in order. */
    private static List<String> messages(Sipp sipp, boolean sent, String kind) {
        return sipp.trace().stream().filter(m -> m.sent() == sent && m.summary().equals(kind))
                .map(Sipp.Message::text).toList();
    }

    private static String mediaLine(String message) {
        return message.lines().filter(l -> l.startsWith("m=")).findFirst().orElseThrow();
    }

    private static long count(Sipp sipp, String kind) {
        return sipp.received().stream().filter(kind::equals).count();
    }

    @Test
    void theCustomerAnswersWaitsSilentlyAndIsBridgedToTheAgentsPhoneAsAnOrdinaryCall() {
        Sipp customer = peer(Sipp.uas("customer-answer-waits.xml"));
        startServer(customer);
        AgentDesk desk = desk("outbound");
        Sipp phone = phone("outbound", "phone-answer.xml");
        assertThat(lines.canCallOut()).isTrue();

        lines.place("c1", "+44 7700 900555", Duration.ofSeconds(10), heard);
        heard.await("c1", "answered");
        // the customer made the offer; the gateway answered it with the same media, silent
        await().atMost(WAIT).until(() -> count(customer, "ACK") == 1);
        String invite = messages(customer, false, "INVITE").get(0);
        assertThat(invite).startsWith("INVITE sip:" + NUMBER + "@").doesNotContain("m=audio");
        String offer = messages(customer, true, "200").get(0);
        String ack = messages(customer, false, "ACK").get(0);
        assertThat(mediaLine(ack)).isEqualTo(mediaLine(offer));
        assertThat(ack).contains("a=inactive", "o=switchboard").doesNotContain("a=sendrecv");
        assertThat(server.voice().stats().inProgress()).isEqualTo(1);

        ScreenPop pop = lines.connect("c1", agent("outbound"), null);
        long id = pop.interaction().id();
        assertThat(pop.interaction().direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(pop.interaction().state()).isEqualTo(InteractionState.ACTIVE);
        assertThat(pop.interaction().address()).isEqualTo(NUMBER);
        awaitCall(desk, id, CallState.CONNECTED);

        // the phone was offered the customer's media; the customer was then re-INVITEd with the phone's
        String toPhone = messages(phone, false, "INVITE").get(0);
        assertThat(mediaLine(toPhone)).isEqualTo(mediaLine(offer));
        assertThat(toPhone).contains("a=sendrecv", "From: <sip:" + NUMBER + "@");
        await().atMost(WAIT).until(() -> count(customer, "INVITE") == 2 && count(customer, "ACK") == 2);
        String bridged = messages(customer, false, "INVITE").get(1);
        assertThat(mediaLine(bridged)).isEqualTo(mediaLine(messages(phone, true, "200").get(0)));
        assertThat(bridged).contains("a=sendrecv");
        assertThat(heard.of("c1")).containsExactly("answered");

        // from here it is the agent's call like any other: hold, then hang up from the desktop
        assertThat(desk.api.hold(id, true).onHold()).isTrue();
        await().atMost(WAIT).until(() -> count(customer, "INVITE") == 3);
        assertThat(messages(customer, false, "INVITE").get(2)).contains("a=sendonly");
        assertThat(desk.api.end(id).state()).isEqualTo(InteractionState.WRAP_UP);
        customer.awaitSuccess(WAIT);
        phone.awaitSuccess(WAIT);
        awaitCall(desk, id, CallState.ENDED);
        awaitNothingLeft();
    }

    @ParameterizedTest
    @CsvSource({"customer-busy.xml, BUSY, The number is busy.",
            "customer-unknown-number.xml, FAILED, The number does not exist (404)."})
    void aRefusalIsReportedWithWhatItMeansToTheDialler(String scenario, AttemptResult expected, String problem) {
        Sipp customer = peer(Sipp.uas(scenario));
        startServer(customer);

        lines.place("c1", NUMBER, Duration.ofSeconds(10), heard);
        heard.await("c1", expected.name());
        customer.awaitSuccess(WAIT);
        assertThat(heard.of("c1")).containsExactly(expected.name());
        assertThat(heard.problems.get("c1")).isEqualTo(problem);
        awaitNothingLeft();
    }

    @Test
    void aCustomerWhoLetsItRingIsCancelledWhenTheRingRunsOutAndCannotBeConnectedMeanwhile() {
        Sipp customer = peer(Sipp.uas("phone-no-answer.xml"));
        startServer(customer);
        desk("outbound");
        phone("outbound", "phone-answer.xml");

        Instant placed = Instant.now();
        lines.place("c1", NUMBER, Duration.ofMillis(1500), heard);
        await().atMost(WAIT).until(() -> customer.received().contains("INVITE"));
        ApiProblem early = catchThrowableOfType(() -> lines.connect("c1", agent("outbound"), null), ApiProblem.class);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("call_state");

        heard.await("c1", AttemptResult.NO_ANSWER.name());
        assertThat(Duration.between(placed, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(heard.problems.get("c1")).isEqualTo("The number did not answer.");
        customer.awaitSuccess(WAIT);
        assertThat(customer.received()).containsExactly("INVITE", "CANCEL", "ACK");
        awaitNothingLeft();
    }

    @Test
    void droppingAnAnsweredCallHangsUpTheCustomerAndLeavesNothingBehind() {
        Sipp customer = peer(Sipp.uas("customer-answer-waits.xml"));
        startServer(customer);

        lines.place("c1", NUMBER, Duration.ofSeconds(10), heard);
        heard.await("c1", "answered");
        lines.drop("c1");
        customer.awaitSuccess(WAIT);
        assertThat(customer.received()).containsExactly("INVITE", "ACK", "BYE");
        awaitNothingLeft();
        ApiProblem gone = catchThrowableOfType(() -> lines.connect("c1", agent("outbound"), null), ApiProblem.class);
        assertThat(gone.code()).isEqualTo("call_gone");
        assertThat(heard.of("c1")).containsExactly("answered");
    }

    @Test
    void droppingACallStillRingingCancelsItAndTellsTheDiallerNothingMore() {
        Sipp customer = peer(Sipp.uas("phone-no-answer.xml"));
        startServer(customer);

        lines.place("c1", NUMBER, Duration.ofSeconds(30), heard);
        await().atMost(WAIT).until(() -> customer.received().contains("INVITE"));
        lines.drop("c1");
        customer.awaitSuccess(WAIT);
        assertThat(customer.received()).containsExactly("INVITE", "CANCEL", "ACK");
        awaitNothingLeft();
        assertThat(heard.of("c1")).isEmpty();
    }

    @Test
    void aCustomerWhoHangsUpWhileWaitingHasLeftAndCannotBeConnected() {
        Sipp customer = peer(Sipp.uas("customer-answer-hangup.xml").key("wait_ms", 500));
        startServer(customer);

        lines.place("c1", NUMBER, Duration.ofSeconds(10), heard);
        heard.await("c1", "left");
        customer.awaitSuccess(WAIT);
        assertThat(heard.of("c1")).containsExactly("answered", "left");
        awaitNothingLeft();
        ApiProblem gone = catchThrowableOfType(() -> lines.connect("c1", agent("outbound"), null), ApiProblem.class);
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.code()).isEqualTo("call_gone");
    }

    @Test
    void whenTheAgentsPhoneDoesNotAnswerTheCustomerIsHungUpAndTheContactEnds() {
        Sipp customer = peer(Sipp.uas("customer-answer-waits.xml"));
        startServer(customer);
        AgentDesk desk = desk("outbound");
        Sipp phone = phone("outbound", "phone-no-answer.xml");

        lines.place("c1", NUMBER, Duration.ofSeconds(10), heard);
        heard.await("c1", "answered");
        long id = lines.connect("c1", agent("outbound"), null).interaction().id();
        // the server gives the phone three seconds, then cancels
        CallView failed = awaitCall(desk, id, CallState.FAILED);
        assertThat(failed.problem()).isEqualTo("Your phone did not answer.");
        phone.awaitSuccess(WAIT);
        customer.awaitSuccess(WAIT);
        assertThat(customer.received()).containsExactly("INVITE", "ACK", "BYE");
        await().atMost(WAIT).until(() -> desk.api.interaction(id).state() != InteractionState.ACTIVE);
        assertThat(heard.of("c1")).containsExactly("answered");
        awaitNothingLeft();
    }

    @Test
    void aCustomerWhoHangsUpWhileTheAgentsPhoneRingsEndsTheContactLikeAnyCall() {
        Sipp customer = peer(Sipp.uas("customer-answer-hangup.xml").key("wait_ms", 2000));
        startServer(customer);
        AgentDesk desk = desk("outbound");
        Sipp phone = phone("outbound", "phone-no-answer.xml");

        lines.place("c1", NUMBER, Duration.ofSeconds(10), heard);
        heard.await("c1", "answered");
        long id = lines.connect("c1", agent("outbound"), null).interaction().id();
        await().atMost(WAIT).until(() -> phone.received().contains("INVITE"));
        // the customer hangs up two seconds after answering, before the phone's three seconds are up
        customer.awaitSuccess(WAIT);
        phone.awaitSuccess(WAIT);
        assertThat(phone.received()).containsExactly("INVITE", "CANCEL", "ACK");
        awaitCall(desk, id, CallState.ENDED);
        await().atMost(WAIT).until(() -> desk.api.interaction(id).state() == InteractionState.WRAP_UP);
        assertThat(heard.of("c1")).containsExactly("answered");
        awaitNothingLeft();
    }

    @Test
    void anAgentWhosePhoneIsNotRegisteredCannotTakeTheCallWhichStillWaits() {
        Sipp customer = peer(Sipp.uas("customer-answer-waits.xml"));
        startServer(customer);

        lines.place("c1", NUMBER, Duration.ofSeconds(10), heard);
        heard.await("c1", "answered");
        ApiProblem refused = catchThrowableOfType(() -> lines.connect("c1", agent("outbound"), null),
                ApiProblem.class);
        assertThat(refused.code()).isEqualTo("phone_not_registered");
        assertThat(server.voice().stats().inProgress()).isEqualTo(1);
        assertThat(customer.received()).doesNotContain("BYE");

        lines.drop("c1");
        customer.awaitSuccess(WAIT);
        awaitNothingLeft();
    }

    @Test
    void withoutATrunkNothingCanBePlaced() {
        startServer(null);
        assertThat(lines.canCallOut()).isFalse();
        ApiProblem refused = catchThrowableOfType(() -> lines.place("c1", NUMBER, Duration.ofSeconds(10), heard),
                ApiProblem.class);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("call_failed");
        assertThat(((CampaignCalls) lines).open()).isZero();
    }

    /** The demo: its simulated customers (as the trunk) and the outbound agent's simulated phone take the calls. */
    @Test
    void theDemosSimulatedCustomersAnswerAndTheOutboundAgentsSimulatedPhoneIsBridged() throws Exception {
        startServer(null);
        List<String> phoneEvents = new CopyOnWriteArrayList<>();
        SimulatedPhones phones = new SimulatedPhones("127.0.0.1", "127.0.0.1", server.sipPort(),
                new SimulatedPhones.Listener() {
                    @Override
                    public void onAnswered(String username, String callId) {
                        phoneEvents.add("answered " + username);
                    }

                    @Override
                    public void onEnded(String username, String callId) {
                        phoneEvents.add("ended " + username);
                    }
                });
        sip.closeAfter(phones);
        phones.answerNumbers(true);
        phones.ringDelay(Duration.ofMillis(200));
        phones.customers(0, 0, Duration.ofMillis(300), Duration.ofMillis(600));
        server.voice().useTrunk("127.0.0.1:" + phones.port());
        phones.register("outbound", "outbound").get(10, TimeUnit.SECONDS);
        AgentDesk desk = desk("outbound");

        lines.place("c1", NUMBER, Duration.ofSeconds(10), heard);
        heard.await("c1", "answered");
        long id = lines.connect("c1", agent("outbound"), null).interaction().id();
        awaitCall(desk, id, CallState.CONNECTED);
        assertThat(phoneEvents).containsExactly("answered " + NUMBER, "answered outbound");
        desk.api.end(id);
        await().atMost(WAIT).until(() -> phoneEvents.containsAll(List.of("ended " + NUMBER, "ended outbound")));
        awaitNothingLeft();

        // some customers are busy, some never answer
        phones.customers(1, 0, Duration.ZERO, Duration.ZERO);
        lines.place("c2", NUMBER, Duration.ofSeconds(10), heard);
        heard.await("c2", AttemptResult.BUSY.name());
        phones.customers(0, 1, Duration.ZERO, Duration.ZERO);
        lines.place("c3", NUMBER, Duration.ofSeconds(1), heard);
        heard.await("c3", AttemptResult.NO_ANSWER.name());
        awaitNothingLeft();
    }
}
