package dev.switchboard.server;

import dev.switchboard.api.CallView;
import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.ConsultRequest;
import dev.switchboard.api.ConsultView;
import dev.switchboard.api.DialRequest;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.HandoverEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.PhoneView;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.channels.voice.Sipp;
import dev.switchboard.channels.voice.SipSettings;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.CallState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The phone channel against real SIP peers: sipp plays the carrier (calling in, or answering the
 * server's outbound calls as the trunk) and the agents' phones (registering with digest
 * authentication, then answering, refusing or ignoring the server's calls). Asserts on the SIP
 * messages each side saw and on what the server records.
 */
class VoiceSipTest {
    /**
     * How long a step may take. A consultation takes about 11 s on an idle 2-core machine (a second
     * call set up, held and bridged between sipp peers) and, with the whole suite loading both cores,
     * has run past 20 s: this is a budget for a slow machine, not a performance figure.
     */
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String CALLER = "+447700900123";

    private SwitchboardServer server;
    private final List<Sipp> peers = new ArrayList<>();
    private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();

    private void startServer(String trunk) {
        server = SwitchboardServer.start(ServerOptions.inMemory("voice-" + System.nanoTime(), 20)
                .withSip(new SipSettings("127.0.0.1", 0, trunk, Duration.ofSeconds(3))));
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(EventSubscription::close);
        peers.forEach(Sipp::close);
        if (server != null) {
            server.close();
        }
    }

    /** A signed-in agent with the offers and call events sent to them. */
    private final class Desk {
        final HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl());
        final List<OfferEvent> offers = new CopyOnWriteArrayList<>();
        final List<CallView> calls = new CopyOnWriteArrayList<>();
        final List<PhoneView> phones = new CopyOnWriteArrayList<>();
        final List<HandoverEvent> handovers = new CopyOnWriteArrayList<>();

        Desk(String user) {
            long seq = api.login(user, user).eventSeq();
            EventSubscription s = api.subscribe(seq, new EventListener() {
                @Override
                public void onEvent(StreamEvent e) {
                    switch (e.type()) {
                        case EventTypes.OFFER -> offers.add((OfferEvent) e.payload());
                        case EventTypes.CALL -> calls.add((CallView) e.payload());
                        case EventTypes.PHONE -> phones.add((PhoneView) e.payload());
                        case EventTypes.HANDOVER -> handovers.add((HandoverEvent) e.payload());
                        default -> { }
                    }
                }
            });
            subscriptions.add(s);
            await().atMost(WAIT).until(s::connected);
        }

        Desk ready() {
            api.setState(AgentState.READY);
            return this;
        }

        OfferEvent nextOffer() {
            return await().atMost(WAIT).until(() -> offers.isEmpty() ? null : offers.get(offers.size() - 1),
                    Objects::nonNull);
        }

        CallView awaitCall(long id, CallState state) {
            return await().atMost(WAIT).until(() -> calls.stream()
                    .filter(c -> c.interactionId() == id && c.state() == state).reduce((a, b) -> b).orElse(null),
                    Objects::nonNull);
        }

        InteractionView awaitState(long id, InteractionState state) {
            return await().atMost(WAIT).until(() -> api.interaction(id), i -> i.state() == state);
        }
    }

    /** An agent's phone: the answering sipp, registered at the server under the agent's name. */
    private Sipp phone(String user, String scenario) {
        Sipp answering = peer(Sipp.uas(scenario).key("talk_ms", 1000));
        Sipp register = peer(Sipp.uac("phone-register.xml").target("127.0.0.1", server.sipPort())
                .key("username", user).key("password", user).key("contact_port", answering.port()));
        register.awaitSuccess(WAIT);
        return answering;
    }

    /** A call from the carrier, answered on the agent's phone: what each test of a live call starts from. */
    private record Connected(Desk agent, Sipp phone, Sipp caller, long id) {
    }

    private Connected connected(String trunk, String callerScenario, Object talkMs) {
        startServer(trunk);
        Desk agent = new Desk("agent");
        Sipp phone = phone("agent", "phone-answer.xml");
        agent.ready();
        Sipp caller = caller(callerScenario, talkMs);
        long id = agent.nextOffer().interactionId();
        agent.api.accept(id);
        agent.awaitCall(id, CallState.CONNECTED);
        return new Connected(agent, phone, caller, id);
    }

    private Sipp caller(String scenario, Object talkMs) {
        return peer(Sipp.uac(scenario).target("127.0.0.1", server.sipPort()).key("caller", CALLER)
                .key("talk_ms", talkMs).key("ring_ms", talkMs).service("general"));
    }

    private Sipp peer(Sipp.Builder builder) {
        Sipp sipp = builder.start();
        peers.add(sipp);
        return sipp;
    }

    /** The text of the first message of this kind ("INVITE", "200", ...) the peer received or sent. */
    private static String message(Sipp sipp, boolean sent, String kind, int nth) {
        List<String> texts = sipp.trace().stream().filter(m -> m.sent() == sent)
                .map(Sipp.Message::text)
                .filter(t -> t.startsWith(kind + " ") || t.startsWith("SIP/2.0 " + kind + " "))
                .toList();
        assertThat(texts).as("%s %s #%d in%n%s", sent ? "sent" : "received", kind, nth, sipp.messages())
                .hasSizeGreaterThan(nth);
        return texts.get(nth);
    }

    private static String mediaLine(String message) {
        return message.lines().filter(l -> l.startsWith("m=")).findFirst().orElseThrow();
    }

    private static String connectionLine(String message) {
        return message.lines().filter(l -> l.startsWith("c=")).findFirst().orElseThrow();
    }

    @Test
    void aCallIsQueuedRingingThenBridgedToTheAcceptingAgentsPhoneAndTheCallerHangsUp() {
        startServer(null);
        Desk agent = new Desk("agent");
        Sipp phone = phone("agent", "phone-answer.xml");
        await().atMost(WAIT).until(() -> agent.api.phone().registered());
        agent.ready();
        Sipp caller = caller("carrier-call-hangup.xml", 1500);

        OfferEvent offer = agent.nextOffer();
        long id = offer.interactionId();
        assertThat(offer.pop().interaction().channel()).isEqualTo(Channel.PHONE);
        assertThat(offer.pop().interaction().address()).isEqualTo(CALLER);
        await().atMost(WAIT).until(() -> caller.received().contains("180"));
        assertThat(caller.received()).doesNotContain("200");

        agent.api.accept(id);
        agent.awaitCall(id, CallState.CONNECTED);
        caller.awaitSuccess(WAIT);
        phone.awaitSuccess(WAIT);
        agent.awaitState(id, InteractionState.WRAP_UP);
        assertThat(agent.calls).extracting(CallView::state).contains(CallState.CONNECTING, CallState.CONNECTED,
                CallState.ENDED);

        // SDP is relayed, never invented: each side sees the other's media, under the bridge's origin
        String callerInvite = message(caller, true, "INVITE", 0);
        String phoneInvite = message(phone, false, "INVITE", 0);
        assertThat(mediaLine(phoneInvite)).isEqualTo(mediaLine(callerInvite));
        assertThat(connectionLine(phoneInvite)).isEqualTo(connectionLine(callerInvite));
        assertThat(phoneInvite).contains("o=switchboard").doesNotContain("o=caller");
        String phoneAnswer = message(phone, true, "200", 0);
        String callerAnswer = message(caller, false, "200", 0);
        assertThat(mediaLine(callerAnswer)).isEqualTo(mediaLine(phoneAnswer));
        assertThat(phone.received()).contains("ACK", "BYE");
    }

    @Test
    void hangingUpOnTheDesktopEndsBothLegs() {
        Connected call = connected(null, "carrier-call-wait-bye.xml", 0);
        Desk agent = call.agent();
        Sipp phone = call.phone();
        Sipp caller = call.caller();
        long id = call.id();

        assertThat(agent.api.end(id).state()).isEqualTo(InteractionState.WRAP_UP);
        caller.awaitSuccess(WAIT);
        phone.awaitSuccess(WAIT);
        assertThat(caller.received()).contains("BYE");
        assertThat(phone.received()).contains("BYE");
    }

    @Test
    void whenThePhoneHangsUpTheCallerIsHungUpOnAndWrapUpStarts() {
        startServer(null);
        Desk agent = new Desk("agent");
        Sipp phone = phone("agent", "phone-answer-hangup.xml");
        agent.ready();
        Sipp caller = caller("carrier-call-wait-bye.xml", 0);
        long id = agent.nextOffer().interactionId();
        agent.api.accept(id);
        caller.awaitSuccess(WAIT);
        phone.awaitSuccess(WAIT);
        agent.awaitState(id, InteractionState.WRAP_UP);
        agent.awaitCall(id, CallState.ENDED);
    }

    @Test
    void aCallerWhoHangsUpWhileQueuedIsAbandonedWithTheTimeWaited() {
        startServer(null);
        Desk agent = new Desk("supervisor");
        Sipp caller = caller("carrier-abandon.xml", 1500);
        QueueEntryView waiting = await().atMost(WAIT).until(() -> agent.api.queue().stream()
                .filter(q -> q.channel() == Channel.PHONE).findFirst().orElse(null), Objects::nonNull);
        caller.awaitSuccess(WAIT);
        assertThat(caller.received()).contains("180", "487");

        InteractionView gone = agent.awaitState(waiting.interactionId(), InteractionState.ABANDONED);
        Duration waited = Duration.between(gone.routing().queuedAt(), gone.endedAt());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1400)).isLessThan(Duration.ofSeconds(15));
        assertThat(agent.api.queue()).extracting(QueueEntryView::interactionId).doesNotContain(gone.id());
    }

    @Test
    void aBusyPhoneSendsTheCallBackToTheQueueAndTheAgentNotReady() {
        startServer(null);
        Desk agent = new Desk("agent");
        Sipp phone = phone("agent", "phone-busy.xml");
        agent.ready();
        Sipp caller = caller("carrier-call-wait-bye.xml", 0);
        long id = agent.nextOffer().interactionId();
        agent.api.accept(id);

        CallView failed = agent.awaitCall(id, CallState.FAILED);
        assertThat(failed.problem()).contains("busy").contains("back to the queue");
        phone.awaitSuccess(WAIT);
        agent.awaitState(id, InteractionState.QUEUED);
        assertThat(agent.api.me().state()).isEqualTo(AgentState.NOT_READY);
        assertThat(agent.api.me().reasonCode()).isEqualTo("PHONE");
        assertThat(caller.received()).contains("180").doesNotContain("200");
    }

    @Test
    void anUnregisteredPhoneOrOneThatRingsOutSendsTheCallBack() {
        startServer(null);
        Desk agent = new Desk("agent").ready();
        caller("carrier-call-wait-bye.xml", 0);
        long id = agent.nextOffer().interactionId();
        ApiException refused = catchThrowableOfType(() -> agent.api.accept(id), ApiException.class);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error().error()).isEqualTo("phone_not_registered");
        assertThat(refused.error().message()).contains("register it as agent at sip:127.0.0.1:" + server.sipPort());
        agent.awaitState(id, InteractionState.QUEUED);
        assertThat(agent.api.me().reasonCode()).isEqualTo("PHONE");

        Sipp phone = phone("agent", "phone-no-answer.xml");
        agent.offers.clear();
        agent.ready();
        await().atMost(WAIT).until(() -> agent.offers.stream().anyMatch(o -> o.interactionId() == id));
        agent.api.accept(id);
        assertThat(agent.awaitCall(id, CallState.CONNECTING)).isNotNull();
        // the server gives the phone three seconds, then cancels
        CallView failed = agent.awaitCall(id, CallState.FAILED);
        assertThat(failed.problem()).contains("did not answer");
        phone.awaitSuccess(WAIT);
        assertThat(phone.received()).contains("INVITE", "CANCEL", "ACK");
    }

    @Test
    void turningACallIntoACallbackHangsItUpAndKeepsItsPlace() {
        Connected call = connected(null, "carrier-call-wait-bye.xml", 0);
        Desk agent = call.agent();
        Sipp phone = call.phone();
        Sipp caller = call.caller();
        long id = call.id();
        agent.api.setState(AgentState.NOT_READY, "BREAK");

        agent.api.callback(id, new CallbackRequest(null, null, null, null, "call back after 5pm"));
        caller.awaitSuccess(WAIT);
        phone.awaitSuccess(WAIT);
        InteractionView waiting = agent.awaitState(id, InteractionState.QUEUED);
        assertThat(waiting.routing().callbackNumber().replace(" ", "")).isEqualTo(CALLER);
    }

    @Test
    void holdResumeMuteAndDigitsChangeTheMediaDirectionOrSendInfo() {
        Connected call = connected(null, "carrier-call-wait-bye.xml", 0);
        Desk agent = call.agent();
        Sipp phone = call.phone();
        Sipp caller = call.caller();
        long id = call.id();

        assertThat(agent.api.hold(id, true).onHold()).isTrue();
        await().atMost(WAIT).until(() -> caller.received().stream().filter("INVITE"::equals).count() == 1
                && phone.received().stream().filter("INVITE"::equals).count() == 2);
        assertThat(message(caller, false, "INVITE", 0)).contains("a=sendonly");
        assertThat(message(phone, false, "INVITE", 1)).contains("a=inactive");

        assertThat(agent.api.hold(id, false).onHold()).isFalse();
        await().atMost(WAIT).until(() -> caller.received().stream().filter("INVITE"::equals).count() == 2);
        assertThat(message(caller, false, "INVITE", 1)).contains("a=sendrecv");

        assertThat(agent.api.mute(id, true).muted()).isTrue();
        await().atMost(WAIT).until(() -> phone.received().stream().filter("INVITE"::equals).count() >= 4);
        assertThat(message(phone, false, "INVITE", 3)).contains("a=sendonly");

        assertThat(agent.api.sendDigits(id, "5#").digits()).isEqualTo("5#");
        await().atMost(WAIT).until(() -> caller.received().stream().filter("INFO"::equals).count() == 2);
        assertThat(message(caller, false, "INFO", 0)).contains("Signal=5");
        assertThat(message(caller, false, "INFO", 1)).contains("Signal=#");

        ApiException bad = catchThrowableOfType(() -> agent.api.sendDigits(id, "12x"), ApiException.class);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error().field()).isEqualTo("digits");

        agent.api.end(id);
        caller.awaitSuccess(WAIT);
        phone.awaitSuccess(WAIT);
    }

    @Test
    void aBlindTransferToAQueueRingsTheNextAgentsPhoneWhileTheCallerStays() {
        startServer(null);
        Desk first = new Desk("agent");
        Sipp firstPhone = phone("agent", "phone-answer.xml");
        Desk second = new Desk(InboundColleague.add(server));
        Sipp secondPhone = phone(InboundColleague.USERNAME, "phone-answer.xml");
        first.ready();
        Sipp caller = caller("carrier-call-wait-bye.xml", 0);
        long id = first.nextOffer().interactionId();
        first.api.accept(id);
        first.awaitCall(id, CallState.CONNECTED);

        long general = first.api.config().queues().stream().filter(q -> q.name().equals("General")).findFirst()
                .orElseThrow().id();
        first.api.setState(AgentState.NOT_READY, "BREAK");
        first.api.transfer(id, new TransferRequest(general, null, "wants a callback about the invoice"));
        firstPhone.awaitSuccess(WAIT);
        second.ready();
        assertThat(second.nextOffer().interactionId()).isEqualTo(id);
        second.api.accept(id);
        second.awaitCall(id, CallState.CONNECTED);
        assertThat(secondPhone.received()).contains("INVITE");
        assertThat(caller.received()).doesNotContain("BYE");

        second.api.end(id);
        caller.awaitSuccess(WAIT);
        secondPhone.awaitSuccess(WAIT);
    }

    @Test
    void aBlindTransferToANumberConnectsTheCallerThroughTheTrunk() {
        Sipp trunk = peer(Sipp.uas("carrier-answer.xml"));
        Connected call = connected("127.0.0.1:" + trunk.port(), "carrier-call-hangup.xml", 4000);
        Desk agent = call.agent();
        Sipp phone = call.phone();
        Sipp caller = call.caller();
        long id = call.id();

        InteractionView done = agent.api.transfer(id, new TransferRequest(null, null, "+44 7700 900999", null));
        assertThat(done.state()).isEqualTo(InteractionState.ENDED);
        phone.awaitSuccess(WAIT);
        caller.awaitSuccess(WAIT);
        trunk.awaitSuccess(WAIT);
        String outside = message(trunk, false, "INVITE", 0);
        assertThat(outside).startsWith("INVITE sip:+447700900999@");
        assertThat(mediaLine(outside)).isEqualTo(mediaLine(message(caller, true, "INVITE", 0)));
        assertThat(trunk.received()).contains("ACK", "BYE");
    }

    private static long count(Sipp sipp, String kind) {
        return sipp.received().stream().filter(kind::equals).count();
    }

    private CallView awaitConsult(Desk agent, long id, String state) {
        return await().atMost(WAIT).until(() -> agent.calls.stream()
                .filter(c -> c.interactionId() == id && c.consult() != null && c.consult().state().equals(state))
                .findFirst().orElse(null), Objects::nonNull);
    }

    @Test
    void aConsultationHoldsTheCustomerCallsTheNumberAndCompletesTheTransfer() {
        Sipp trunk = peer(Sipp.uas("carrier-answer.xml"));
        Connected call = connected("127.0.0.1:" + trunk.port(), "carrier-call-hangup.xml", 8000);
        Desk agent = call.agent();
        long id = call.id();

        CallView consulting = agent.api.consult(id, new ConsultRequest("+44 20 7946 0000", null));
        assertThat(consulting.onHold()).isTrue();
        assertThat(consulting.consult().target()).isEqualTo("+44 20 7946 0000");
        awaitConsult(agent, id, ConsultView.CONNECTED);
        await().atMost(WAIT).until(() -> count(call.caller(), "INVITE") == 1 && count(call.phone(), "INVITE") == 2);
        assertThat(message(call.caller(), false, "INVITE", 0)).contains("a=sendonly");
        String toConsulted = message(trunk, false, "INVITE", 0);
        assertThat(toConsulted).startsWith("INVITE sip:+442079460000@");
        assertThat(mediaLine(toConsulted)).isEqualTo(mediaLine(message(call.phone(), true, "200", 0)));
        assertThat(mediaLine(message(call.phone(), false, "INVITE", 1))).isEqualTo(mediaLine(message(trunk, true, "200", 0)));

        assertThat(agent.api.completeConsult(id).state()).isEqualTo(CallState.ENDED);
        call.phone().awaitSuccess(WAIT);
        await().atMost(WAIT).until(() -> count(call.caller(), "INVITE") == 2);
        assertThat(mediaLine(message(call.caller(), false, "INVITE", 1))).isEqualTo(mediaLine(message(trunk, true, "200", 0)));
        call.caller().awaitSuccess(WAIT);
        trunk.awaitSuccess(WAIT);
        assertThat(agent.api.interaction(id).state()).isEqualTo(InteractionState.ENDED);
    }

    @Test
    void aConsultationWithAColleagueHandsThemTheCallAndTheContact() {
        Connected call = connected(null, "carrier-call-wait-bye.xml", 0);
        Desk agent = call.agent();
        long id = call.id();
        Desk colleague = new Desk(InboundColleague.add(server));
        Sipp colleaguePhone = phone(InboundColleague.USERNAME, "phone-answer.xml");
        long colleagueId = colleague.api.me().id();

        CallView consulting = agent.api.consult(id, new ConsultRequest(null, colleagueId));
        assertThat(consulting.consult().target()).isEqualTo("Kim Novak");
        awaitConsult(agent, id, ConsultView.CONNECTED);
        assertThat(mediaLine(message(colleaguePhone, false, "INVITE", 0)))
                .isEqualTo(mediaLine(message(call.phone(), true, "200", 0)));

        agent.api.completeConsult(id);
        call.phone().awaitSuccess(WAIT);
        HandoverEvent handed = await().atMost(WAIT).until(() -> colleague.handovers.isEmpty() ? null
                : colleague.handovers.get(0), Objects::nonNull);
        assertThat(handed.pop().interaction().id()).isEqualTo(id);
        InteractionView theirs = colleague.api.interaction(id);
        assertThat(theirs.state()).isEqualTo(InteractionState.ACTIVE);
        assertThat(theirs.agentId()).isEqualTo(colleagueId);
        assertThat(colleague.api.hold(id, true).onHold()).isTrue();
        // the consultation's INVITE, the hand-over's re-INVITE, the hold: each answered and acknowledged
        await().atMost(WAIT).until(() -> count(colleaguePhone, "INVITE") == 3 && count(colleaguePhone, "ACK") == 3);
        assertThat(message(colleaguePhone, false, "INVITE", 2)).contains("a=inactive");

        colleague.api.end(id);
        call.caller().awaitSuccess(WAIT);
        colleaguePhone.awaitSuccess(WAIT);
        colleague.awaitState(id, InteractionState.WRAP_UP);
    }

    @Test
    void aConferenceRingsThePhonesSecondLineForTheConsultedPartyAndTakesTheCallerOffHold() {
        Sipp trunk = peer(Sipp.uas("carrier-answer.xml"));
        startServer("127.0.0.1:" + trunk.port());
        Desk agent = new Desk("agent");
        Sipp phone = peer(Sipp.uas("phone-answer.xml").calls(2));
        peer(Sipp.uac("phone-register.xml").target("127.0.0.1", server.sipPort()).key("username", "agent")
                .key("password", "agent").key("contact_port", phone.port())).awaitSuccess(WAIT);
        agent.ready();
        Sipp caller = caller("carrier-call-wait-bye.xml", 0);
        long id = agent.nextOffer().interactionId();
        agent.api.accept(id);
        agent.awaitCall(id, CallState.CONNECTED);
        agent.api.consult(id, new ConsultRequest("+44 20 7946 0000", null));
        awaitConsult(agent, id, ConsultView.CONNECTED);

        agent.api.conference(id);
        CallView together = awaitConsult(agent, id, ConsultView.CONFERENCE);
        assertThat(together.onHold()).isFalse();
        // line 1: the caller, then the consulted party, then the caller again; line 2: the consulted party
        await().atMost(WAIT).until(() -> count(phone, "INVITE") == 4 && count(caller, "INVITE") == 2);
        String callerMedia = mediaLine(message(caller, true, "INVITE", 0));
        String consultedMedia = mediaLine(message(trunk, true, "200", 0));
        assertThat(mediaLine(message(phone, false, "INVITE", 2))).isEqualTo(consultedMedia);
        assertThat(mediaLine(message(phone, false, "INVITE", 3))).isEqualTo(callerMedia);
        assertThat(message(phone, false, "INVITE", 3)).contains("a=sendrecv");
        assertThat(message(caller, false, "INVITE", 1)).contains("a=sendrecv");

        agent.api.end(id);
        caller.awaitSuccess(WAIT);
        trunk.awaitSuccess(WAIT);
        phone.awaitSuccess(WAIT);
    }

    @Test
    void cancellingAConsultationHangsItUpAndTakesTheCustomerOffHold() {
        Sipp trunk = peer(Sipp.uas("carrier-answer.xml"));
        Connected call = connected("127.0.0.1:" + trunk.port(), "carrier-call-wait-bye.xml", 0);
        Desk agent = call.agent();
        long id = call.id();
        ApiException both = catchThrowableOfType(() -> agent.api.consult(id, new ConsultRequest("+442079460000", 2L)),
                ApiException.class);
        assertThat(both.status()).isEqualTo(400);

        agent.api.consult(id, new ConsultRequest("+44 20 7946 0000", null));
        awaitConsult(agent, id, ConsultView.CONNECTED);
        ApiException whileConsulting = catchThrowableOfType(() -> agent.api.hold(id, false), ApiException.class);
        assertThat(whileConsulting.status()).isEqualTo(409);

        CallView back = agent.api.cancelConsult(id);
        assertThat(back.onHold()).isFalse();
        assertThat(back.consult()).isNull();
        trunk.awaitSuccess(WAIT);
        await().atMost(WAIT).until(() -> count(call.caller(), "INVITE") == 2);
        assertThat(message(call.caller(), false, "INVITE", 1)).contains("a=sendrecv");

        agent.api.end(id);
        call.caller().awaitSuccess(WAIT);
        call.phone().awaitSuccess(WAIT);
    }

    @Test
    void clickToDialRingsTheAgentsPhoneThenTheCustomerAndBridgesThem() {
        Sipp trunk = peer(Sipp.uas("carrier-answer.xml"));
        startServer("127.0.0.1:" + trunk.port());
        Desk agent = new Desk("agent");

        ApiException notRegistered = catchThrowableOfType(() -> agent.api.dial(new DialRequest("+447700900555", null)),
                ApiException.class);
        assertThat(notRegistered.status()).isEqualTo(409);
        assertThat(notRegistered.error().error()).isEqualTo("phone_not_registered");
        ApiException badNumber = catchThrowableOfType(() -> agent.api.dial(new DialRequest("call me", null)),
                ApiException.class);
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.error().field()).isEqualTo("number");

        Sipp phone = phone("agent", "phone-outbound.xml");
        ScreenPop pop = agent.api.dial(new DialRequest("+44 7700 900555", null));
        long id = pop.interaction().id();
        assertThat(pop.interaction().direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(pop.interaction().state()).isEqualTo(InteractionState.ACTIVE);
        agent.awaitCall(id, CallState.CONNECTED);

        String toCustomer = message(trunk, false, "INVITE", 0);
        assertThat(toCustomer).startsWith("INVITE sip:+447700900555@");
        assertThat(mediaLine(toCustomer)).isEqualTo(mediaLine(message(phone, true, "200", 0)));
        String ackToPhone = message(phone, false, "ACK", 0);
        assertThat(mediaLine(ackToPhone)).isEqualTo(mediaLine(message(trunk, true, "200", 0)));

        agent.api.end(id);
        phone.awaitSuccess(WAIT);
        trunk.awaitSuccess(WAIT);
        agent.awaitState(id, InteractionState.WRAP_UP);
    }

    @Test
    void anAgentSetsTheirPhonePasswordAndOnlyTheNewOneRegisters() throws Exception {
        startServer(null);
        Desk agent = new Desk("agent");
        String url = server.baseUrl() + "/api/v1/me/phone";
        String token = agent.api.token();
        var http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, java.net.http.HttpResponse<String>> put = body -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var tooShort = put.apply("{\"password\":\"short\"}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("\"field\":\"password\"");
        assertThat(put.apply("{\"password\":\"desk-phone-42\"}").statusCode()).isEqualTo(200);

        Sipp old = peer(Sipp.uac("phone-register.xml").target("127.0.0.1", server.sipPort())
                .key("username", "agent").key("password", "agent").key("contact_port", 5999));
        assertThat(old.awaitExit(WAIT)).as("the old password is refused").isNotZero();
        peer(Sipp.uac("phone-register.xml").target("127.0.0.1", server.sipPort()).key("username", "agent")
                .key("password", "desk-phone-42").key("contact_port", 5999)).awaitSuccess(WAIT);
        assertThat(agent.api.phone().registered()).isTrue();
    }

    @Test
    void unknownDialogsAndGarbageGetSipErrorsAndDisturbNothing() throws Exception {
        startServer(null);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            int port = socket.getLocalPort();
            send(socket, "this is not SIP at all\r\n\r\n");
            send(socket, "BYE sip:switchboard@127.0.0.1:" + server.sipPort() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-unknown-1\r\n"
                    + "From: <sip:someone@127.0.0.1>;tag=a1\r\nTo: <sip:switchboard@127.0.0.1>;tag=b2\r\n"
                    + "Call-ID: no-such-call@127.0.0.1\r\nCSeq: 2 BYE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
            assertThat(receive(socket)).startsWith("SIP/2.0 481");
            send(socket, "OPTIONS sip:switchboard@127.0.0.1:" + server.sipPort() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-options-1\r\n"
                    + "From: <sip:someone@127.0.0.1>;tag=a2\r\nTo: <sip:switchboard@127.0.0.1>\r\n"
                    + "Call-ID: options-1@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
            assertThat(receive(socket)).startsWith("SIP/2.0 200");
        }
        // and a real call still goes through
        Desk agent = new Desk("agent");
        Sipp phone = phone("agent", "phone-answer.xml");
        agent.ready();
        Sipp caller = caller("carrier-call-hangup.xml", 500);
        agent.api.accept(agent.nextOffer().interactionId());
        caller.awaitSuccess(WAIT);
        phone.awaitSuccess(WAIT);
    }

    private void send(DatagramSocket socket, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server.sipPort()));
    }

    private static String receive(DatagramSocket socket) throws Exception {
        byte[] buffer = new byte[8192];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }
}
