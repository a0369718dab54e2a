package dev.switchboard.channels.voice;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One sipp process playing a scenario from {@code src/test/resources/sipp}, for the protocol tests.
 *
 * <p>Each process listens on loopback on its own free UDP port (never sipp's default 5060), works in
 * its own temporary directory holding the scenario, the message trace and the error log, and has a
 * global timeout so it never outlives a test. {@link #start()} returns once the process listens.
 * A run that fails throws with the errors, the message trace and sipp's last screen in the message,
 * so a failure on CI explains itself. Read the trace before {@link #close()}, which deletes it.
 */
public final class Sipp implements AutoCloseable {
    private static final String EXECUTABLE = "sipp";
    private static final String LOOPBACK = "127.0.0.1";
    private static final int BIND_FAILED = 254;
    private static final int START_ATTEMPTS = 3;
    private static final int REPORT_LIMIT = 60_000;
    private static final Pattern ENTRY = Pattern.compile("(?m)^-{20,} (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+)$");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter(Locale.ROOT);

    /** A SIP message from the trace: whether this sipp sent or received it, when, and its text. */
    public record Message(boolean sent, LocalDateTime at, String text) {
        /** "INVITE", "ACK", ... for a request; "180", "200", ... for a response. */
        public String summary() {
            String[] start = text.lines().findFirst().orElse("").split(" ");
            return start[0].startsWith("SIP/") && start.length > 1 ? start[1] : start[0];
        }
    }

    private final String scenario;
    private final int port;
    private final List<String> command;
    private final Path dir;
    private final Process process;

    private Sipp(String scenario, int port, List<String> command, Path dir, Process process) {
        this.scenario = scenario;
        this.port = port;
        this.command = command;
        this.dir = dir;
        this.process = process;
    }

    /** A sipp that starts the calls (uac), to be pointed at a {@link Builder#target}. */
    public static Builder uac(String scenario) {
        return new Builder(scenario, true);
    }

    /** A sipp that answers calls (uas) on its own port, see {@link #port()}. */
    public static Builder uas(String scenario) {
        return new Builder(scenario, false);
    }

    /** The address this sipp sends from and listens on. */
    public String host() {
        return LOOPBACK;
    }

    /** The UDP port this sipp sends from and listens on. */
    public int port() {
        return port;
    }

    /** Whether the process is still alive. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Waits for sipp to finish and returns its exit code: 0 when every call succeeded, 1 when at
     * least one failed, 255 on a fatal error or the global timeout. Throws if it is still running.
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                throw new AssertionError("sipp " + scenario + " still running after " + timeout + "\n" + report());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for sipp " + scenario, e);
        }
        return process.exitValue();
    }

    /** Waits for sipp to finish and throws, with the trace, unless every call succeeded. */
    public void awaitSuccess(Duration timeout) {
        int code = awaitExit(timeout);
        if (code != 0) {
            throw new AssertionError("sipp " + scenario + " failed: " + meaning(code) + "\n" + report());
        }
    }

    /** The message trace as sipp wrote it: every message sent and received, with timestamps. */
    public String messages() {
        return read("messages.log");
    }

    /** The messages of the trace in order. */
    public List<Message> trace() {
        String text = messages();
        List<MatchResult> entries = ENTRY.matcher(text).results().toList();
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int end = i + 1 < entries.size() ? entries.get(i + 1).start() : text.length();
            String entry = text.substring(entries.get(i).end(), end).strip();
            String heading = entry.lines().findFirst().orElse("");
            boolean sent = heading.contains("message sent");
            if (sent || heading.contains("message received")) {
                LocalDateTime at = LocalDateTime.parse(entries.get(i).group(1), TIME);
                messages.add(new Message(sent, at, entry.substring(heading.length()).strip().replace("\r\n", "\n")));
            }
        }
        return messages;
    }

    /** What this sipp received, in order: methods for requests, status codes for responses. */
    public List<String> received() {
        return trace().stream().filter(m -> !m.sent()).map(Message::summary).toList();
    }

    /** What this sipp sent, in order: methods for requests, status codes for responses. */
    public List<String> sent() {
        return trace().stream().filter(Message::sent).map(Message::summary).toList();
    }

    /** sipp's error log: unexpected messages, failed checks, fatal errors. */
    public String errors() {
        return read("errors.log");
    }

    /** The statistics CSV, when the run was started with {@link Builder#recordStatistics()}. */
    public String statistics() {
        return read("statistics.csv");
    }

    /** The latest value of one column of the statistics, e.g. "SuccessfulCall(C)" or "FailedCall(C)". */
    public String statistic(String column) {
        List<String> rows = statistics().lines().filter(line -> !line.isBlank()).toList();
        if (rows.size() < 2) {
            throw new AssertionError("no statistics written yet\n" + report());
        }
        List<String> names = List.of(rows.get(0).split(";"));
        int index = names.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no statistic " + column + " in " + names);
        }
        return rows.get(rows.size() - 1).split(";")[index];
    }

    /** Everything known about this run, for failure messages. */
    public String report() {
        return "--- sipp " + scenario + " on " + LOOPBACK + ":" + port + "\n"
                + String.join(" ", command) + "\n"
                + "--- errors\n" + tail(errors().isEmpty() ? read("stderr.log") : errors())
                + "--- messages\n" + tail(messages())
                + "--- last screen\n" + tail(lastScreen(read("stdout.log")));
    }

    /** Stops sipp if it is still running and deletes its directory. */
    @Override
    public void close() {
        stop();
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String read(String name) {
        Path file = dir.resolve(name);
        try {
            // sipp writes raw bytes; Latin-1 maps each one to a char and never fails
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        String shown = text.length() <= REPORT_LIMIT ? text : "[...]\n" + text.substring(text.length() - REPORT_LIMIT);
        return shown.isEmpty() || shown.endsWith("\n") ? shown : shown + "\n";
    }

    /** sipp redraws its screen on stdout; only the last one matters. */
    private static String lastScreen(String stdout) {
        int last = stdout.lastIndexOf("------------------------------ Scenario Screen");
        return last < 0 ? stdout : stdout.substring(last);
    }

    private static String meaning(int code) {
        return switch (code) {
            case 1 -> "exit 1, at least one call failed";
            case 97 -> "exit 97, stopped by an internal command";
            case 99 -> "exit 99, no call was processed";
            case BIND_FAILED -> "exit 254, could not bind its socket";
            case 255 -> "exit 255, fatal error or global timeout";
            default -> "exit " + code;
        };
    }

    /** Sets up one sipp run; {@link #start()} launches it. */
    public static final class Builder {
        private final String scenario;
        private final boolean uac;
        private final Map<String, String> keys = new LinkedHashMap<>();
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<String> extra = new ArrayList<>();
        private String target;
        private String service;
        private int calls = 1;
        private Duration timeout = Duration.ofSeconds(60);
        private boolean statistics;

        private Builder(String scenario, boolean uac) {
            this.scenario = scenario;
            this.uac = uac;
        }

        /** Where a uac sends its requests. */
        public Builder target(String targetHost, int targetPort) {
            this.target = targetHost + ":" + targetPort;
            return this;
        }

        /** A {@code [name]} keyword of the scenario ({@code -key}). */
        public Builder key(String name, Object value) {
            keys.put(name, String.valueOf(value));
            return this;
        }

        /** A global variable of the scenario ({@code -set}). */
        public Builder set(String variable, Object value) {
            variables.put(variable, String.valueOf(value));
            return this;
        }

        /** The user part of the Request-URI and To of a uac ({@code -s}, sipp's default is "service"). */
        public Builder service(String user) {
            this.service = user;
            return this;
        }

        /** How many calls to process before exiting ({@code -m}, default 1). */
        public Builder calls(int count) {
            this.calls = count;
            return this;
        }

        /** How many new calls a uac starts per period ({@code -r}, {@code -rp}). */
        public Builder rate(int callsPerPeriod, Duration period) {
            extra.addAll(List.of("-r", String.valueOf(callsPerPeriod), "-rp", period.toMillis() + "ms"));
            return this;
        }

        /** At most this many calls at once ({@code -l}). */
        public Builder limit(int simultaneousCalls) {
            extra.addAll(List.of("-l", String.valueOf(simultaneousCalls)));
            return this;
        }

        /** How long an expected message may take before the call fails ({@code -recv_timeout}). */
        public Builder recvTimeout(Duration wait) {
            extra.addAll(List.of("-recv_timeout", wait.toMillis() + "ms"));
            return this;
        }

        /** After this long sipp gives up and exits with an error ({@code -timeout}, default 60 s). */
        public Builder timeout(Duration wait) {
            this.timeout = wait;
            return this;
        }

        /** Writes sipp's statistics every second ({@code -trace_stat}), see {@link Sipp#statistics()}. */
        public Builder recordStatistics() {
            this.statistics = true;
            return this;
        }

        /** Launches sipp and returns once it listens on its port. */
        public Sipp start() {
            if (uac && target == null) {
                throw new IllegalStateException("a uac needs a target: " + scenario);
            }
            try {
                Path dir = Files.createTempDirectory("sipp-" + scenario.replace(".xml", "") + "-");
                Path file = dir.resolve(scenario);
                try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no scenario " + scenario + " in src/test/resources/sipp or src/main/resources/sipp");
                    }
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                for (int attempt = 1; ; attempt++) {
                    Sipp sipp = launch(dir, file, freeUdpPort());
                    if (awaitListening(sipp)) {
                        return sipp;
                    }
                    // another process took the port between our probe and sipp's bind: pick again
                    if (sipp.process.exitValue() != BIND_FAILED || attempt == START_ATTEMPTS) {
                        String report = sipp.report();
                        sipp.close();
                        throw new AssertionError("sipp " + scenario + " exited before listening: "
                                + meaning(sipp.process.exitValue()) + "\n" + report);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Sipp launch(Path dir, Path file, int port) throws IOException {
            List<String> command = new ArrayList<>(List.of(EXECUTABLE,
                    "-sf", file.toString(),
                    "-i", LOOPBACK,
                    "-p", String.valueOf(port),
                    "-m", String.valueOf(calls),
                    "-nostdin",
                    "-timeout", seconds(timeout) + "s", "-timeout_error",
                    "-trace_msg", "-message_file", dir.resolve("messages.log").toString(),
                    "-trace_err", "-error_file", dir.resolve("errors.log").toString()));
            if (statistics) {
                command.addAll(List.of("-trace_stat", "-stf", dir.resolve("statistics.csv").toString(), "-fd", "1"));
            }
            if (service != null) {
                command.addAll(List.of("-s", service));
            }
            keys.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
            variables.forEach((name, value) -> command.addAll(List.of("-set", name, value)));
            command.addAll(extra);
            if (uac) {
                command.add(target);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .redirectError(dir.resolve("stderr.log").toFile());
            try {
                return new Sipp(scenario, port, List.copyOf(command), dir, builder.start());
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + EXECUTABLE
                        + ": install it (Debian package sip-tester, see test.sh)", e);
            }
        }

        private boolean awaitListening(Sipp sipp) {
            try {
                await().atMost(Duration.ofSeconds(10))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> !sipp.process.isAlive() || listening(sipp.port));
            } catch (ConditionTimeoutException e) {
                String report = sipp.report();
                sipp.close();
                throw new AssertionError("sipp " + scenario + " never listened on its port\n" + report, e);
            }
            return sipp.process.isAlive();
        }

        /** sipp counts its global timeout in whole seconds. */
        private static long seconds(Duration wait) {
            return Math.max(1, (wait.toMillis() + 999) / 1000);
        }

        private int freeUdpPort() throws IOException {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0))) {
                return socket.getLocalPort();
            }
        }
    }

    /** Whether some process has a UDP socket bound to this port: Linux's table, else a bind probe. */
    private static boolean listening(int port) throws IOException {
        Path table = Path.of("/proc/net/udp");
        if (Files.isReadable(table)) {
            String suffix = String.format(Locale.ROOT, ":%04X", port);
            try (Stream<String> lines = Stream.concat(Files.lines(table), udp6Lines())) {
                return lines.map(String::strip)
                        .map(line -> line.split("\\s+"))
                        .anyMatch(fields -> fields.length > 1 && fields[1].endsWith(suffix));
            }
        }
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port))) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private static Stream<String> udp6Lines() throws IOException {
        Path table = Path.of("/proc/net/udp6");
        return Files.isReadable(table) ? Files.lines(table) : Stream.empty();
    }
}
