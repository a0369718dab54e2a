package dev.switchboard.server;

import dev.switchboard.api.CallView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.KpiView;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.channels.voice.SipSettings;
import dev.switchboard.channels.voice.Sipp;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.CallState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call held and resumed over real SIP (sipp as the carrier and the agent's phone): the time on hold
 * reaches the supervisor's average hold time and, inside the talk, the handle time.
 */
@Timeout(90)
class SupervisorHoldTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration ON_HOLD = Duration.ofSeconds(40);

    private final TestClock clock = new TestClock();
    private final List<Sipp> peers = new ArrayList<>();
    private SwitchboardServer server;
    private AgentDesk agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        peers.forEach(Sipp::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCallHeldAndResumedCountsItsHoldInHoldTimeAndHandleTime() {
        server = SwitchboardServer.start(new ServerOptions("127.0.0.1", 0, null, null, null, null,
                "hold-" + System.nanoTime(), 0, 1, 0, "GB", null, null, 0, 0, 0, null,
                new SipSettings("127.0.0.1", 0, null, Duration.ofSeconds(3)), false, null, clock));
        Sipp phone = peer(Sipp.uas("phone-answer.xml").key("talk_ms", 1000));
        peer(Sipp.uac("phone-register.xml").target("127.0.0.1", server.sipPort()).key("username", "agent")
                .key("password", "agent").key("contact_port", phone.port())).awaitSuccess(WAIT);
        agent = new AgentDesk(server, "agent");
        QueueView general = agent.api.config().queues().stream().filter(q -> q.name().equals("General"))
                .findFirst().orElseThrow();
        Sipp caller = peer(Sipp.uac("carrier-call-wait-bye.xml").target("127.0.0.1", server.sipPort())
                .key("caller", "+447700900123").key("talk_ms", 0).key("ring_ms", 0).service("general"));
        long id = agent.take();
        await().atMost(WAIT).until(() -> agent.payloads(EventTypes.CALL, CallView.class).stream()
                .anyMatch(c -> c.interactionId() == id && c.state() == CallState.CONNECTED));

        assertThat(agent.api.hold(id, true).onHold()).isTrue();
        await().atMost(WAIT).until(() -> count(caller, "INVITE") == 1 && count(phone, "INVITE") == 2);
        clock.advance(ON_HOLD);
        assertThat(agent.api.hold(id, false).onHold()).isFalse();
        await().atMost(WAIT).until(() -> count(caller, "INVITE") == 2);
        agent.api.end(id);
        agent.api.wrapUp(id, new WrapUpRequest(null, null, null));
        caller.awaitSuccess(WAIT);

        HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl());
        api.login("supervisor", "supervisor");
        QueueMetricsView tile = await().atMost(WAIT).until(() -> tile(api.supervisorDashboard(null, null), general),
                t -> t.today().get("average-handle-time").value() != null);
        KpiView hold = tile.today().get("average-hold-time");
        assertThat(hold.value()).as("one call, held %s", ON_HOLD)
                .isBetween((double) ON_HOLD.toSeconds(), ON_HOLD.toSeconds() + 10.0);
        assertThat(tile.today().get("average-handle-time").value()).as("the hold is part of the talk")
                .isGreaterThanOrEqualTo(hold.value());
        LocalDate today = clock.instant().atZone(ZoneId.systemDefault()).toLocalDate();
        assertThat(new String(api.supervisorReport("agents", today, today, null, null), StandardCharsets.UTF_8))
                .as("the stored pass keeps it").containsPattern("Alex Morgan,1,1,[0-9.]+," + ON_HOLD.toSeconds() + "\\.");
    }

    private static QueueMetricsView tile(SupervisorView v, QueueView queue) {
        return v.queues().stream().filter(q -> q.queueId() == queue.id()).findFirst().orElseThrow();
    }

    private static long count(Sipp sipp, String kind) {
        return sipp.received().stream().filter(kind::equals).count();
    }

    private Sipp peer(Sipp.Builder builder) {
        Sipp sipp = builder.start();
        peers.add(sipp);
        return sipp;
    }
}
