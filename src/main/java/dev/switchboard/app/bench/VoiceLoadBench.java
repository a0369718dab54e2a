package dev.switchboard.app.bench;

import dev.switchboard.channels.voice.SipSettings;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.VoiceService;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The phone channel under load: sipp, in a process of its own, plays the carrier and places calls
 * at a steady rate to a server whose simulated colleagues answer on simulated SIP phones, hold each
 * call for the handle time and hang up. Counts what sipp saw (every call answered and ended) and
 * what the server recorded (each call a contact, bridged once, none left over).
 */
final class VoiceLoadBench {
    record Settings(int agents, int callsPerSecond, Duration duration, Duration handle, Path dataDir) {
        int calls() {
            return (int) (callsPerSecond * duration.toSeconds());
        }

        String workload() {
            return String.format(Locale.ROOT, "sipp places %d calls/s for %d s (%d calls) over UDP to the server's SIP "
                    + "gateway; %d simulated colleagues answer on simulated SIP phones (digest-registered) and hang up "
                    + "after %d s", callsPerSecond, duration.toSeconds(), calls(), agents, handle.toSeconds());
        }
    }

    record Result(long attempted, long successful, long failed, double answerP50Ms, double answerMaxMs,
                  VoiceService.Stats server, Map<String, Long> stored, long notFinished, Duration elapsed) {
    }

    private final Settings s;
    private final Consumer<String> log;

    VoiceLoadBench(Settings settings, Consumer<String> log) {
        this.s = settings;
        this.log = log;
    }

    Result run() throws Exception {
        Files.createDirectories(s.dataDir());
        Path work = Files.createTempDirectory("switchboard-voice-bench");
        Path scenario = work.resolve("carrier-call-wait-bye.xml");
        try (InputStream in = VoiceLoadBench.class.getResourceAsStream("/sipp/carrier-call-wait-bye.xml")) {
            if (in == null) {
                throw new IllegalStateException("the load scenario is missing from the jar");
            }
            Files.copy(in, scenario, StandardCopyOption.REPLACE_EXISTING);
        }
        ServerOptions options = new ServerOptions("127.0.0.1", 0, s.dataDir(), null, null, null, null, 1000, 42L, 2.0,
                "GB", null, null, s.agents(), 0, 0, s.handle(), new SipSettings("127.0.0.1", 0, null, null), true,
                null, Clock.systemUTC());
        try (SwitchboardServer server = SwitchboardServer.start(options)) {
            Instant since = Instant.now();
            VoiceService voice = server.voice();
            long before = voice.stats().received();
            // the colleagues sign in and their phones register: wait until the centre is up
            waitFor(() -> server.work().waitingCount() == 0, Duration.ofSeconds(10));
            Thread.sleep(3000);
            Instant started = Instant.now();
            Path stats = work.resolve("stats.csv");
            Process sipp = new ProcessBuilder("sipp", "127.0.0.1:" + server.sipPort(), "-sf", scenario.toString(),
                    "-key", "caller", "+447700900100", "-s", "general", "-r", Integer.toString(s.callsPerSecond()),
                    "-m", Integer.toString(s.calls()), "-l", Integer.toString(s.calls()), "-p",
                    Integer.toString(freeUdpPort()), "-i", "127.0.0.1", "-nostdin", "-trace_stat", "-stf",
                    stats.toString(), "-fd", "1", "-trace_err", "-error_file", work.resolve("errors.log").toString(),
                    "-timeout", (s.duration().toSeconds() + s.handle().toSeconds() * 3 + 120) + "s")
                    .redirectErrorStream(true).redirectOutput(work.resolve("sipp.out").toFile()).start();
            log.accept("sipp is calling at " + s.callsPerSecond() + " calls/s");
            if (!sipp.waitFor(s.duration().toSeconds() + s.handle().toSeconds() * 3 + 180, TimeUnit.SECONDS)) {
                sipp.destroyForcibly();
                throw new IllegalStateException("sipp did not finish; see " + work);
            }
            Duration elapsed = Duration.between(started, Instant.now());
            Map<String, String> last = lastRow(stats);
            // the server finishes what sipp saw end: wrap-ups are written behind routing
            waitFor(() -> voice.stats().inProgress() == 0, Duration.ofSeconds(30));
            Thread.sleep(1000);
            Map<String, Long> stored = storedStates(server, since);
            long notFinished = stored.entrySet().stream()
                    .filter(e -> !e.getKey().equals("ENDED") && !e.getKey().equals("WRAP_UP"))
                    .mapToLong(Map.Entry::getValue).sum();
            VoiceService.Stats st = voice.stats();
            VoiceService.Stats run = new VoiceService.Stats(st.received() - before, st.connected(), st.connectedTwice(),
                    st.bounced(), st.abandoned(), st.inProgress());
            return new Result(number(last, "OutgoingCall(C)"), number(last, "SuccessfulCall(C)"),
                    number(last, "FailedCall(C)"), millis(last.get("ResponseTimeanswer(C)")),
                    maxAnswer(stats), run, stored, notFinished, elapsed);
        }
    }

    private static Map<String, Long> storedStates(SwitchboardServer server, Instant since) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = server.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM interaction "
                     + "WHERE channel = 'PHONE' AND created_at >= ? GROUP BY state")) {
            ps.setObject(1, since.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static Map<String, String> lastRow(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.size() < 2) {
            throw new IllegalStateException("sipp wrote no statistics to " + csv);
        }
        String[] head = lines.get(0).split(";");
        String[] row = lines.get(lines.size() - 1).split(";");
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < head.length && i < row.length; i++) {
            out.put(head[i].trim(), row[i].trim());
        }
        return out;
    }

    /** The longest cumulative average answer time sipp reported in any period: a ceiling, not a percentile. */
    private static double maxAnswer(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] head = lines.get(0).split(";");
        int col = List.of(head).indexOf("ResponseTimeanswer(P)");
        double max = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(";");
            if (col >= 0 && col < row.length) {
                max = Math.max(max, millis(row[col]));
            }
        }
        return max;
    }

    private static long number(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? -1 : Long.parseLong(v);
    }

    /** sipp's "HH:MM:SS:mmm..." durations in milliseconds. */
    private static double millis(String hms) {
        if (hms == null || hms.isEmpty()) {
            return Double.NaN;
        }
        String[] p = hms.split(":");
        double ms = Double.parseDouble(p[p.length - 1].length() > 3 ? p[p.length - 1].substring(0, 3) + "."
                + p[p.length - 1].substring(3) : p[p.length - 1]);
        return ((Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1])) * 60 + Integer.parseInt(p[2])) * 1000.0 + ms;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, Duration atMost) throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(200);
        }
    }

    static List<String> describe(Result r) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "sipp: %d calls placed, %d answered and ended, %d failed in %d s",
                r.attempted(), r.successful(), r.failed(), r.elapsed().toSeconds()));
        out.add(String.format(Locale.ROOT, "server: %d received, %d bridged, %d bridged twice, %d sent back to the queue, "
                        + "%d abandoned; stored %s", r.server().received(), r.server().connected(),
                r.server().connectedTwice(), r.server().bounced(), r.server().abandoned(), r.stored()));
        return out;
    }
}
