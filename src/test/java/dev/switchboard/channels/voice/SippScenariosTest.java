package dev.switchboard.channels.voice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sipp scenarios of the voice protocol tests, played against each other without the server:
 * proves that each scenario is valid, plays what its header says and fails when its peer misbehaves,
 * and that {@link Sipp} runs, traces and reports them.
 */
class SippScenariosTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CALLER = "+447700900123";

    @Test
    void theCallerHangsUpAfterTalkingToThePhone() {
        try (Sipp phone = Sipp.uas("phone-answer.xml").start();
             Sipp caller = Sipp.uac("carrier-call-hangup.xml").target(phone.host(), phone.port())
                     .key("caller", CALLER).key("talk_ms", 400).start()) {
            caller.awaitSuccess(WAIT);
            phone.awaitSuccess(WAIT);

            assertThat(caller.sent()).containsExactly("INVITE", "ACK", "BYE");
            assertThat(caller.received()).containsSubsequence("180", "200", "200");
            assertThat(phone.received()).containsExactly("INVITE", "ACK", "BYE");
            assertThat(phone.sent()).containsExactly("180", "200", "200");
            assertThat(first(phone, false, "INVITE").text()).contains("From: <sip:" + CALLER + "@", "o=caller", "a=sendrecv");
            assertThat(first(caller, false, "200").text()).contains("o=phone", "m=audio ", "PCMU/8000", "telephone-event/8000");
            // the caller talks 400 ms by sipp's timer; its log's clock may put the BYE a little early, as above
            assertThat(Duration.between(first(caller, false, "200").at(), first(caller, true, "BYE").at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(390));
        }
    }

    @Test
    void thePhoneHangsUpAndTheCallerAnswersTheBye() {
        try (Sipp phone = Sipp.uas("phone-answer-hangup.xml").key("talk_ms", 300).start();
             Sipp caller = Sipp.uac("carrier-call-wait-bye.xml").target(phone.host(), phone.port())
                     .key("caller", CALLER).start()) {
            caller.awaitSuccess(WAIT);
            phone.awaitSuccess(WAIT);

            assertThat(phone.sent()).containsExactly("180", "200", "BYE");
            assertThat(phone.received()).containsExactly("INVITE", "ACK", "200");
            assertThat(caller.received()).endsWith("BYE");
            assertThat(caller.sent()).containsExactly("INVITE", "ACK", "200");
        }
    }

    @Test
    void theCallerAbandonsWhileThePhoneRings() {
        try (Sipp phone = Sipp.uas("phone-no-answer.xml").start();
             Sipp caller = Sipp.uac("carrier-abandon.xml").target(phone.host(), phone.port())
                     .key("caller", CALLER).key("ring_ms", 300).start()) {
            caller.awaitSuccess(WAIT);
            phone.awaitSuccess(WAIT);

            assertThat(caller.sent()).containsExactly("INVITE", "CANCEL", "ACK");
            assertThat(caller.received()).containsExactly("180", "200", "487");
            assertThat(phone.received()).containsExactly("INVITE", "CANCEL", "ACK");
            String invite = first(caller, true, "INVITE").text();
            assertThat(branch(first(caller, true, "CANCEL").text())).isEqualTo(branch(invite));
            assertThat(branch(first(caller, true, "ACK").text())).isEqualTo(branch(invite));
            // the caller hangs up after letting it ring 300 ms; sipp's timers and its log's clock may
            // round that a fraction of a millisecond short, so the check allows it to come up to 10 ms early
            assertThat(Duration.between(first(caller, false, "180").at(), first(caller, true, "CANCEL").at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(290));
        }
    }

    @Test
    void aBusyPhoneRefusesTheCall() {
        try (Sipp phone = Sipp.uas("phone-busy.xml").start();
             Sipp gateway = Sipp.uac("uac-expect-busy.xml").target(phone.host(), phone.port()).start()) {
            gateway.awaitSuccess(WAIT);
            phone.awaitSuccess(WAIT);

            assertThat(gateway.received()).containsExactly("486");
            assertThat(gateway.sent()).containsExactly("INVITE", "ACK");
            assertThat(phone.received()).containsExactly("INVITE", "ACK");
        }
    }

    @Test
    void thePhoneRegistersAndUnregistersWithDigestAuthentication() {
        int contactPort = 40_123;
        try (Sipp registrar = registrar("agent", "secret");
             Sipp phone = Sipp.uac("phone-register.xml").target(registrar.host(), registrar.port())
                     .key("username", "agent").key("password", "secret").key("contact_port", contactPort).start()) {
            phone.awaitSuccess(WAIT);
            registrar.awaitSuccess(WAIT);

            assertThat(phone.received()).containsExactly("401", "200");
            assertThat(first(phone, false, "401").text()).contains("realm=\"switchboard\"", "qop=\"auth\"");
            List<Sipp.Message> registers = phone.trace().stream().filter(Sipp.Message::sent).toList();
            assertThat(registers.get(0).text()).contains("To: <sip:agent@", "Contact: <sip:agent@127.0.0.1:" + contactPort + ">")
                    .doesNotContain("Authorization:");
            assertThat(registers.get(1).text()).contains("Authorization: Digest username=\"agent\"", "realm=\"switchboard\"");
            assertThat(first(phone, false, "200").text()).contains(":" + contactPort + ">;expires=3600");
        }
        try (Sipp registrar = registrar("agent", "secret");
             Sipp phone = Sipp.uac("phone-unregister.xml").target(registrar.host(), registrar.port())
                     .key("username", "agent").key("password", "secret").key("contact_port", contactPort).start()) {
            phone.awaitSuccess(WAIT);
            registrar.awaitSuccess(WAIT);

            assertThat(phone.received()).containsExactly("401", "200");
            assertThat(first(phone, true, "REGISTER").text()).contains("Expires: 0");
        }
    }

    @Test
    void aWrongPhonePasswordIsRefused() {
        try (Sipp registrar = registrar("agent", "secret");
             Sipp phone = Sipp.uac("phone-register.xml").target(registrar.host(), registrar.port())
                     .key("username", "agent").key("password", "not-the-password").key("contact_port", 40_123).start()) {
            assertThat(phone.awaitExit(WAIT)).isNotZero();
            assertThat(registrar.awaitExit(WAIT)).isNotZero();

            assertThat(phone.received()).startsWith("401", "403").doesNotContain("200");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone-answer.xml", "carrier-answer.xml"})
    void theCalledPartyFollowsHoldMuteResumeAndDigitsUntilTheGatewayHangsUp(String scenario) {
        try (Sipp called = Sipp.uas(scenario).start();
             Sipp gateway = Sipp.uac("uac-hold-dtmf.xml").target(called.host(), called.port())
                     .key("hangup", "gateway").start()) {
            gateway.awaitSuccess(WAIT);
            called.awaitSuccess(WAIT);

            assertThat(called.received()).containsExactly("INVITE", "ACK", "INVITE", "ACK", "INVITE", "ACK",
                    "INVITE", "ACK", "INFO", "BYE");
            assertThat(answerDirections(gateway)).containsExactly("sendrecv", "inactive", "recvonly", "sendrecv");
            assertThat(first(called, false, "INFO").text()).contains("application/dtmf-relay", "Signal=5");
        }
    }

    @Test
    void thePhoneHangsUpOnTimeWhileTheGatewayHoldsAndSendsDigits() {
        try (Sipp phone = Sipp.uas("phone-answer-hangup.xml").key("talk_ms", 1000).start();
             Sipp gateway = Sipp.uac("uac-hold-dtmf.xml").target(phone.host(), phone.port())
                     .key("hangup", "peer").start()) {
            gateway.awaitSuccess(WAIT);
            phone.awaitSuccess(WAIT);

            assertThat(phone.received()).containsSubsequence("INVITE", "INVITE", "INVITE", "INFO", "200");
            assertThat(phone.sent()).endsWith("BYE");
            assertThat(Duration.between(first(phone, true, "200").at(), first(phone, true, "BYE").at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        }
    }

    @Test
    void theCallerFollowsHoldResumeAndDigitsUntilTheGatewayHangsUp() {
        try (Sipp gateway = Sipp.uas("uas-hold-dtmf.xml").key("hangup", "gateway").start();
             Sipp caller = Sipp.uac("carrier-call-wait-bye.xml").target(gateway.host(), gateway.port())
                     .key("caller", CALLER).start()) {
            caller.awaitSuccess(WAIT);
            gateway.awaitSuccess(WAIT);

            assertThat(caller.received()).containsExactly("100", "180", "200", "INVITE", "ACK", "INVITE", "ACK", "INFO", "BYE");
            assertThat(answerDirections(gateway)).containsExactly("recvonly", "sendrecv");
        }
    }

    @Test
    void theCallerHangsUpOnTimeWhileHeld() {
        try (Sipp gateway = Sipp.uas("uas-hold-dtmf.xml").key("hangup", "peer").start();
             Sipp caller = Sipp.uac("carrier-call-hangup.xml").target(gateway.host(), gateway.port())
                     .key("caller", CALLER).key("talk_ms", 1000).start()) {
            caller.awaitSuccess(WAIT);
            gateway.awaitSuccess(WAIT);

            assertThat(caller.sent()).containsExactly("INVITE", "ACK", "200", "200", "200", "BYE");
            assertThat(Duration.between(first(caller, false, "200").at(), first(caller, true, "BYE").at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        }
    }

    @Test
    void thePhoneOffersSdpWhenInvitedWithoutAndTakesTheAnswerFromTheAck() {
        try (Sipp phone = Sipp.uas("phone-outbound.xml").start();
             Sipp gateway = Sipp.uac("uac-invite-without-sdp.xml").target(phone.host(), phone.port()).start()) {
            gateway.awaitSuccess(WAIT);
            phone.awaitSuccess(WAIT);

            assertThat(first(phone, false, "INVITE").text()).doesNotContain("m=audio");
            assertThat(first(phone, true, "200").text()).contains("o=phone", "a=sendrecv");
            assertThat(first(phone, false, "ACK").text()).contains("o=gateway");
            assertThat(phone.received()).containsExactly("INVITE", "ACK", "BYE");
        }
    }

    @Test
    void manyCallsAtARateAreCountedInTheStatistics() {
        try (Sipp phone = Sipp.uas("phone-answer.xml").calls(5).start();
             Sipp caller = Sipp.uac("carrier-call-hangup.xml").target(phone.host(), phone.port())
                     .key("caller", CALLER).key("talk_ms", 100)
                     .calls(5).rate(10, Duration.ofSeconds(1)).limit(3).recordStatistics().start()) {
            caller.awaitSuccess(WAIT);
            phone.awaitSuccess(WAIT);

            assertThat(caller.statistic("SuccessfulCall(C)")).isEqualTo("5");
            assertThat(caller.statistic("FailedCall(C)")).isEqualTo("0");
            assertThat(phone.received()).filteredOn("BYE"::equals).hasSize(5);
        }
    }

    @Test
    void aPhoneWaitingForAnOfferFailsOnAnInviteWithoutSdpAndTheFailureShowsTheTrace() {
        try (Sipp phone = Sipp.uas("phone-answer.xml").start();
             Sipp gateway = Sipp.uac("uac-invite-without-sdp.xml").target(phone.host(), phone.port()).start()) {
            gateway.awaitSuccess(WAIT);

            assertThatThrownBy(() -> phone.awaitSuccess(WAIT))
                    .hasMessageContaining("at least one call failed")
                    .hasMessageContaining("Failed regexp match")
                    .hasMessageContaining("INVITE sip:");
        }
    }

    @Test
    void aMissingKeyStopsSippAtOnceAndSaysWhich() {
        try (Sipp phone = Sipp.uas("phone-answer.xml").start()) {
            assertThatThrownBy(() -> Sipp.uac("carrier-call-hangup.xml").target(phone.host(), phone.port())
                    .key("caller", CALLER).start())
                    .hasMessageContaining("exited before listening")
                    .hasMessageContaining("talk_ms");
        }
    }

    @Test
    void everySippGetsItsOwnPortAndTheTimeoutEndsAWaitingOne() {
        try (Sipp first = Sipp.uas("phone-answer.xml").timeout(Duration.ofSeconds(1)).start();
             Sipp second = Sipp.uas("phone-answer.xml").timeout(Duration.ofSeconds(1)).start()) {
            assertThat(first.port()).isNotEqualTo(second.port()).isNotEqualTo(5060);
            assertThat(second.port()).isNotEqualTo(5060);
            assertThat(first.awaitExit(WAIT)).isNotZero();
            assertThat(second.awaitExit(WAIT)).isNotZero();
        }
    }

    private static Sipp registrar(String username, String password) {
        return Sipp.uas("registrar-challenge.xml").key("username", username).key("password", password).start();
    }

    /** The first message of this kind that the sipp sent (or received). */
    private static Sipp.Message first(Sipp sipp, boolean sent, String summary) {
        return sipp.trace().stream()
                .filter(m -> m.sent() == sent && m.summary().equals(summary))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + summary + (sent ? " sent" : " received") + "\n" + sipp.report()));
    }

    /** The a= direction of each 200 OK with SDP that the sipp received, in order. */
    private static List<String> answerDirections(Sipp sipp) {
        Pattern direction = Pattern.compile("(?m)^a=(sendrecv|sendonly|recvonly|inactive)$");
        return sipp.trace().stream()
                .filter(m -> !m.sent() && m.summary().equals("200") && m.text().contains("m=audio"))
                .map(m -> {
                    Matcher matcher = direction.matcher(m.text());
                    return matcher.find() ? matcher.group(1) : "none";
                })
                .toList();
    }

    private static String branch(String message) {
        Matcher matcher = Pattern.compile("branch=([^;\\s]+)").matcher(message);
        assertThat(matcher.find()).as("a Via branch in %s", message).isTrue();
        return matcher.group(1);
    }
}
