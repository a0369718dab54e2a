package dev.switchboard.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Writes results as the design asks: {@code <date>-<name>.json} for every run, and for a full run
 * the entry in {@code latest.json} (one entry per target; other targets' entries are kept).
 *
 * <p>latest.json is the record of the H2 runs. A run on another database says so in every entry and
 * in its summary, gets the database in its file names ({@code <date>-<name>-postgresql.json}) so that it
 * never overwrites an H2 result, and leaves latest.json alone.
 */
final class BenchResults {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;
    private final Database database;
    private final String loadAtStart;
    private final java.util.List<ObjectNode> written = new java.util.ArrayList<>();

    /** The database the run's servers used: {@code h2} or {@code postgresql}, and its version. */
    record Database(String kind, String version) {
        boolean isH2() {
            return kind.equals("h2");
        }

        /** Appended to every result name: nothing for H2, whose results are the record. */
        String suffix() {
            return isH2() ? "" : "-" + kind;
        }

        @Override
        public String toString() {
            return kind + " " + version;
        }
    }

    BenchResults(Path dir, Database database) {
        this.dir = dir;
        this.database = database;
        // the machine may be shared: what else ran when the run began is part of its conditions
        this.loadAtStart = loadAverage();
    }

    ObjectNode entry(String id, String metric, double value, String unit, String target, boolean met,
                     String workload) {
        ObjectNode e = mapper.createObjectNode();
        e.put("id", id);
        e.put("metric", metric);
        e.put("value", Math.round(value * 10) / 10.0);
        e.put("unit", unit);
        e.put("target", target);
        e.put("met", met);
        e.put("workload", workload);
        e.put("machine", machine());
        e.put("database", database.toString());
        e.put("loadAverageAtRunStart", loadAtStart);
        e.put("date", LocalDate.now().toString());
        return e;
    }

    /**
     * Writes the run's file and, when {@code updateLatest} on H2, replaces this target's entry in
     * latest.json.
     */
    Path write(String name, ObjectNode entry, boolean updateLatest) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(LocalDate.now() + "-" + name + database.suffix() + ".json");
        mapper.writeValue(file.toFile(), entry);
        written.add(entry);
        if (updateLatest && database.isH2()) {
            Path latest = dir.resolve("latest.json");
            ArrayNode list = Files.exists(latest) ? (ArrayNode) mapper.readTree(latest.toFile()) : mapper.createArrayNode();
            ArrayNode updated = mapper.createArrayNode();
            boolean replaced = false;
            for (var e : list) {
                if (e.path("id").asText().equals(entry.path("id").asText())) {
                    updated.add(entry);
                    replaced = true;
                } else {
                    updated.add(e);
                }
            }
            if (!replaced) {
                updated.add(entry);
            }
            mapper.writeValue(latest.toFile(), updated);
        }
        return file;
    }

    /**
     * The run's short summary in markdown (machine, JDK, each target's figures and workload), written
     * as {@code <date>-summary[-<targets>][-<database>][-quick].md} next to the results ({@code targets}:
     * those of a run that did not measure them all); null when nothing was measured.
     */
    Path writeSummary(boolean quick, String targets) throws IOException {
        if (written.isEmpty()) {
            return null;
        }
        Path file = dir.resolve(LocalDate.now() + "-summary" + (targets.isEmpty() ? "" : "-" + targets)
                + database.suffix() + (quick ? "-quick.md" : ".md"));
        Files.writeString(file, summary(quick));
        return file;
    }

    String summary(boolean quick) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(quick ? "(quick sizes) " : "").append(LocalDate.now()).append("\n\n");
        md.append("Machine: ").append(machine()).append(" (").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.vm.version")).append(")\n\n");
        md.append("Database: ").append(database).append("\n\n");
        md.append("Load average (1 min): ").append(loadAtStart).append(" when the run started, ").append(loadAverage())
                .append(" at its end (the run's own load included)\n\n");
        md.append("| target | result | target value | met | figures |\n|---|---|---|---|---|\n");
        for (ObjectNode e : written) {
            md.append("| ").append(e.path("id").asText()).append(' ').append(e.path("metric").asText())
                    .append(" | ").append(e.path("value").asText()).append(' ').append(e.path("unit").asText())
                    .append(" | ").append(e.path("target").asText())
                    .append(" | ").append(e.path("met").asBoolean() ? "yes" : "**no**")
                    .append(" | ").append(figures(e)).append(" |\n");
        }
        md.append("\nWorkloads:\n\n");
        for (ObjectNode e : written) {
            md.append("- ").append(e.path("id").asText()).append(": ").append(e.path("workload").asText()).append('\n');
        }
        return md.toString();
    }

    /** The entry's own numbers besides the standard fields: percentiles, counts, ratios. */
    private static String figures(ObjectNode e) {
        java.util.Set<String> standard = java.util.Set.of("id", "metric", "value", "unit", "target", "met", "workload",
                "machine", "date", "notes", "database", "loadAverageAtRunStart");
        StringBuilder b = new StringBuilder();
        e.fields().forEachRemaining(f -> {
            if (!standard.contains(f.getKey()) && f.getValue().isValueNode() && b.length() < 600) {
                b.append(b.length() == 0 ? "" : ", ").append(f.getKey()).append(' ').append(f.getValue().asText());
            }
        });
        return b.toString().replace("|", "/");
    }

    /** The 1-minute load average from /proc/loadavg ("unknown" where there is none). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: keep the generic name
        }
        long memGiB = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memGiB = Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return String.format(Locale.ROOT, "%d cores, %d GiB, %s, Java %s, %s", Runtime.getRuntime().availableProcessors(),
                memGiB, cpu, System.getProperty("java.version"), System.getProperty("os.name"));
    }
}
