package dev.switchboard.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.app.bench.Bench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench --quick}: the harness runs end to end (a server process with generated data and
 * simulated traffic, headless desktops drawing pops) and writes a result. It checks that numbers are
 * produced, never what they are: speed is for the benchmark to judge.
 */
class BenchSmokeTest {

    @Test
    void aQuickRunMeasuresScreenPopsAndWritesAResult(@TempDir Path dir) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Path out = dir.resolve("results");
        int code = new Bench(true, null, null, null, dir.resolve("data"), out, log::add).run();
        assertThat(code).as(String.join("\n", log)).isZero();

        JsonNode result = result(out, "p1-screen-pop-quick");
        assertThat(result.path("id").asText()).isEqualTo("P1");
        assertThat(result.path("samples").asInt()).isPositive();
        assertThat(result.path("value").asDouble()).isPositive();
        assertThat(result.path("p50").asDouble()).isPositive().isLessThanOrEqualTo(result.path("value").asDouble());
        assertThat(result.path("workload").asText()).contains("2,000 customers");
        assertThat(Files.exists(out.resolve("latest.json"))).as("a quick run leaves latest.json alone").isFalse();

        JsonNode router = result(out, "p2-router-quick");
        assertThat(router.path("id").asText()).isEqualTo("P2-router");
        assertThat(router.path("decisions").asLong()).isPositive();
        assertThat(router.path("value").asDouble()).isPositive();

        // supervisors' dashboards against agent state changes driven over the API, streams in this process
        JsonNode freshness = result(out, "p4-supervisor-freshness-quick");
        assertThat(freshness.path("id").asText()).isEqualTo("P4");
        assertThat(freshness.path("samples").asInt()).isPositive();
        assertThat(freshness.path("value").asDouble()).isPositive();
        assertThat(freshness.path("p50").asDouble()).isPositive().isLessThanOrEqualTo(freshness.path("value").asDouble());
        assertThat(freshness.path("streamsReached").asInt()).isEqualTo(freshness.path("streamsWanted").asInt());

        // the same run: each change's agent.state event at the agent's own streams and at every supervisor
        JsonNode sessions = result(out, "p3-agent-sessions-quick");
        assertThat(sessions.path("id").asText()).isEqualTo("P3");
        assertThat(sessions.path("agentStreamSamples").asInt()).isPositive();
        assertThat(sessions.path("supervisorSamples").asInt()).isPositive();
        assertThat(sessions.path("samples").asInt()).isEqualTo(
                sessions.path("agentStreamSamples").asInt() + sessions.path("supervisorSamples").asInt());
        assertThat(sessions.path("changesWithoutStateEvent").asInt()).isZero();
        assertThat(sessions.path("serverRssMiB").asInt()).isPositive();

        // customer lookups and a bare Javalin hello, each from a load generator in its own process
        JsonNode rest = result(out, "p5-rest-efficiency-quick");
        assertThat(rest.path("id").asText()).isEqualTo("P5");
        assertThat(rest.path("lookups").asLong()).isPositive();
        assertThat(rest.path("hellos").asLong()).isPositive();
        assertThat(rest.path("lookupErrors").asLong()).isZero();
        assertThat(rest.path("lookupWrongAnswers").asLong()).isZero();
        assertThat(rest.path("value").asDouble()).isPositive();
        assertThat(rest.path("connectionsOpenedToServer").asLong()).isBetween(1L, 8L);

        // the desktop and a bare JavaFX table app, each started in fresh JVMs the same way
        JsonNode start = result(out, "p6-desktop-start-quick");
        assertThat(start.path("id").asText()).isEqualTo("P6");
        assertThat(start.path("value").asDouble()).isPositive();
        assertThat(start.path("desktopMedianMs").asDouble()).isPositive();
        assertThat(start.path("bareMedianMs").asDouble()).isPositive();
        assertThat(start.path("waitingContacts").asInt()).isEqualTo(25);
        assertThat(start.path("queueShownMismatches").asInt()).isZero();
        assertThat(start.path("desktopMs")).hasSize(2);
        assertThat(start.path("met").asBoolean()).isEqualTo(start.path("value").asDouble() <= 1.3);

        // a desktop in its own process works a short shift through its window; its memory is read from /proc
        JsonNode memory = result(out, "p7-desktop-memory-quick");
        assertThat(memory.path("id").asText()).isEqualTo("P7");
        assertThat(memory.path("unit").asText()).isEqualTo("MB");
        assertThat(memory.path("value").asDouble()).isPositive();
        assertThat(memory.path("contactsSent").asInt()).isEqualTo(100);
        assertThat(memory.path("contactsHandledAtServer").asInt()).isEqualTo(memory.path("contactsSent").asInt());
        assertThat(memory.path("contactsUnhandled").asInt()).isZero();
        assertThat(memory.path("desktop_drawn").asInt()).isEqualTo(memory.path("desktop_accepted").asInt());
        assertThat(memory.path("recordsAtStartTotal").asInt()).isGreaterThanOrEqualTo(3000);
        assertThat(memory.path("recordsAtEndTotal").asInt())
                .isGreaterThanOrEqualTo(memory.path("recordsAtStartTotal").asInt());
        assertThat(memory.path("firstHourSamples").asInt()).isPositive();
        assertThat(memory.path("endSamples").asInt()).isPositive();

        // frame intervals on a headless desktop scrolling a long history while events arrive
        JsonNode frames = result(out, "p8-ui-smoothness-quick");
        assertThat(frames.path("id").asText()).isEqualTo("P8");
        assertThat(frames.path("frames").asInt()).isPositive();
        assertThat(frames.path("idleFrames").asInt()).isPositive();
        assertThat(frames.path("p50").asDouble()).isPositive().isLessThanOrEqualTo(frames.path("value").asDouble());
        assertThat(frames.path("historyRowsInDatabase").asLong()).isEqualTo(20_000);
        assertThat(frames.path("oldestRowReachable").asBoolean()).isTrue();
        assertThat(frames.path("timelineRowsAtStart").asInt()).isGreaterThan(20);
        assertThat(frames.path("eventsReceived").asLong()).isPositive();
        assertThat(frames.path("sendErrors").asLong()).isZero();

        // sipp against the real gateway: the harness counts what it saw on both sides
        JsonNode voice = result(out, "voice-load-quick");
        assertThat(voice.path("id").asText()).isEqualTo("VOICE");
        assertThat(voice.path("callsPlaced").asLong()).isEqualTo(20);
        assertThat(voice.path("serverReceived").asLong()).isEqualTo(voice.path("callsPlaced").asLong());

        // offline edits against a server process stopped and started again: counted on the server afterwards
        JsonNode offline = result(out, "p9-offline-quick");
        assertThat(offline.path("id").asText()).isEqualTo("P9");
        assertThat(offline.path("value").asDouble()).isPositive();
        assertThat(offline.path("lost").asInt()).isZero();
        assertThat(offline.path("doubled").asInt()).isZero();

        // the fault and abuse suite against a server in its own process, counted in its database afterwards
        JsonNode abuse = result(out, "abuse-quick");
        assertThat(abuse.path("id").asText()).isEqualTo("ABUSE");
        assertThat(abuse.path("requests").asLong()).isEqualTo(1_000);
        assertThat(abuse.path("value").asDouble()).as(abuse.path("firstFailures").toString()).isZero();
        assertThat(abuse.path("customersStored").asLong()).isEqualTo(abuse.path("customersAnsweredCreated").asLong());
        assertThat(abuse.path("ticketsStored").asLong()).isEqualTo(abuse.path("ticketsAnsweredCreated").asLong());

        // the micro-benchmarks of the pure parts through JMH's runner (a quick run does not fork)
        JsonNode jmh = result(out, "jmh-micro-quick");
        assertThat(jmh.path("id").asText()).isEqualTo("JMH");
        assertThat(jmh.path("value").asDouble()).isPositive();
        assertThat(jmh.path("benchmarks")).hasSize(9);
        jmh.path("benchmarks").forEach(b -> assertThat(b.path("score").asDouble()).as(b.path("name").asText())
                .isPositive());
        assertThat(jmh.path("benchmarks").findValuesAsText("name")).contains("MatchingBenchmark.mixedAddress",
                "RoutingBenchmark.offerToFreeAgent", "RoutingBenchmark.releaseAndArrive",
                "MetricsBenchmark.dashboardQueues");

        // and the run's summary in markdown, with every target measured
        try (Stream<Path> files = Files.list(out)) {
            Path summary = files.filter(f -> f.getFileName().toString().endsWith("-summary-quick.md")).findFirst().orElseThrow();
            assertThat(Files.readString(summary)).contains("| P1 ", "| P3 ", "| P5 ", "| P6 ", "| P7 ", "| P8 ", "| P9 ", "| JMH ", "| ABUSE ",
                    "Machine: ");
        }
    }

    private static JsonNode result(Path out, String name) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith(name + ".json")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(file.toFile());
        }
    }
}
