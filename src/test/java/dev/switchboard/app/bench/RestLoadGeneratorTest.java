package dev.switchboard.app.bench;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator against real HTTP servers on free ports: a stand-in for the search route that
 * checks the token and answers the customer a number belongs to, and the bare hello app itself.
 */
class RestLoadGeneratorTest {
    private static final String TOKEN = "t0ken";
    private static final Map<String, Long> OWNER = Map.of("+44 20 7946 0001", 11L, "+44 20 7946 0002", 12L,
            "+1 202 555 0103", 13L);

    private Javalin search;
    private Javalin bare;

    @BeforeEach
    void start() {
        search = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.startup.showJavalinBanner = false;
            config.routes.get("/api/v1/customers", ctx -> {
                if (!("Bearer " + TOKEN).equals(ctx.header("Authorization"))) {
                    ctx.status(401).result("{\"error\":\"unauthorized\"}");
                    return;
                }
                Long id = OWNER.get(ctx.queryParam("q"));
                ctx.contentType("application/json").result(id == null ? "[]"
                        : "[{\"id\":" + id + ",\"displayName\":\"Ann\",\"limit\":" + ctx.queryParam("limit") + "}]");
            });
        }).start();
        bare = BareHelloApp.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        search.stop();
        bare.stop();
    }

    @Test
    void measuresBothTargetsInTurnOverKeptAliveConnections() throws Exception {
        var lookup = RestLoadGenerator.lookupTarget(base(search), TOKEN,
                List.of("11\t+44 20 7946 0001", "12\t+44 20 7946 0002", "13\t+1 202 555 0103"), 50);
        var plan = new RestLoadGenerator.Plan(3, Duration.ofMillis(200), Duration.ofMillis(400), 2, lookup,
                RestLoadGenerator.bareTarget(base(bare) + "/hello"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        List<RestLoadGenerator.Report> reports = new RestLoadGenerator(plan).run(new PrintStream(out, true,
                StandardCharsets.UTF_8));

        assertThat(reports).extracting(RestLoadGenerator.Report::target).containsExactly("lookup", "bare");
        for (RestLoadGenerator.Report r : reports) {
            assertThat(r.errors()).as(r.target()).isZero();
            assertThat(r.wrong()).as(r.target()).isZero();
            assertThat(r.roundRps()).as(r.target()).hasSize(2);
            assertThat(r.seconds()).as(r.target()).isBetween(0.8, 5.0);
            // keep-alive: a handful of connections carry every request
            assertThat(r.connections()).as(r.target()).isBetween(1L, 3L);
            assertThat(r.requests()).as(r.target()).isGreaterThan(10 * r.connections());
            assertThat(r.p50()).as(r.target()).isPositive().isLessThanOrEqualTo(r.p99());
            assertThat(r.p99()).as(r.target()).isLessThanOrEqualTo(r.max());
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith(RestLoadGenerator.PHASE)).hasSize(2 + 2 * 2);
        List<RestLoadGenerator.Report> parsed = lines.stream().filter(l -> l.startsWith(RestLoadGenerator.RESULT))
                .map(RestLoadGenerator.Report::parse).toList();
        assertThat(parsed).extracting(RestLoadGenerator.Report::requests)
                .containsExactly(reports.get(0).requests(), reports.get(1).requests());
    }

    @Test
    void countsEveryAnswerOtherThan200AsAnErrorAndAMissingCustomerAsWrong() throws Exception {
        var refused = RestLoadGenerator.lookupTarget(base(search), "not-the-token", List.of("11\t+44 20 7946 0001"), 50);
        var plan = new RestLoadGenerator.Plan(2, Duration.ofMillis(100), Duration.ofMillis(300), 1, refused,
                RestLoadGenerator.bareTarget(base(bare) + "/nothing-here"));

        List<RestLoadGenerator.Report> reports = new RestLoadGenerator(plan).run(quiet());

        assertThat(reports).allSatisfy(r -> {
            assertThat(r.requests()).isPositive();
            assertThat(r.errors()).isEqualTo(r.requests());
        });

        // the number answers a list without customer 12: a 200, but the wrong answer
        var misfiled = RestLoadGenerator.lookupTarget(base(search), TOKEN,
                List.of("12\t+44 20 7946 0001", "13\t+1 202 555 0103"), 50);
        var wrongPlan = new RestLoadGenerator.Plan(2, Duration.ofMillis(100), Duration.ofMillis(300), 1, misfiled,
                RestLoadGenerator.bareTarget(base(bare) + "/hello"));

        RestLoadGenerator.Report lookup = new RestLoadGenerator(wrongPlan).run(quiet()).get(0);

        assertThat(lookup.errors()).isZero();
        assertThat(lookup.wrong()).isPositive().isLessThan(lookup.requests());
    }

    @Test
    void aSearchCarriesTheNumberTheLimitAndTheToken() {
        var target = RestLoadGenerator.lookupTarget("http://127.0.0.1:8080", TOKEN,
                List.of("42\t+44 20 7946 0001", "not a key line"), 50);

        assertThat(target.requests()).hasSize(1);
        var request = target.requests().get(0);
        assertThat(request.url().encodedPath()).isEqualTo("/api/v1/customers");
        assertThat(request.url().queryParameter("q")).isEqualTo("+44 20 7946 0001");
        assertThat(request.url().queryParameter("limit")).isEqualTo("50");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(target.expected()).containsExactly("\"id\":42,");
    }

    @Test
    void aResultLineReadsBackAsWritten() {
        var r = new RestLoadGenerator.Report("lookup", 1234, 1, 2, 10.5, 0.512, 0.9, 2.25, 7.125, 15.0, 8,
                List.of(117.5, 118.0));

        assertThat(RestLoadGenerator.Report.parse(r.line())).isEqualTo(r);
    }

    private static String base(Javalin app) {
        return "http://127.0.0.1:" + app.port();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
