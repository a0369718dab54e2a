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
 */
final class BenchResults {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;
    private final java.util.List<ObjectNode> written = new java.util.ArrayList<>();

    BenchResults(Path dir) {
        this.dir = dir;
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
        e.put("date", LocalDate.now().toString());
        return e;
    }

    /** Writes the run's file and, when {@code updateLatest}, replaces this target's entry in latest.json. */
    Path write(String name, ObjectNode entry, boolean updateLatest) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(LocalDate.now() + "-" + name + ".json");
        mapper.writeValue(file.toFile(), entry);
        written.add(entry);
        if (updateLatest) {
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
     * as {@code <date>-summary[-<targets>][-quick].md} next to the results ({@code targets}: those
     * of a run that did not measure them all); null when nothing was measured.
     */
    Path writeSummary(boolean quick, String targets) throws IOException {
        if (written.isEmpty()) {
            return null;
        }
        Path file = dir.resolve(LocalDate.now() + "-summary" + (targets.isEmpty() ? "" : "-" + targets)
                + (quick ? "-quick.md" : ".md"));
        Files.writeString(file, summary(quick));
        return file;
    }

    String summary(boolean quick) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(quick ? "(quick sizes) " : "").append(LocalDate.now()).append("\n\n");
        md.append("Machine: ").append(machine()).append(" (").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.vm.version")).append(")\n\n");
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
                "machine", "date", "notes");
        StringBuilder b = new StringBuilder();
        e.fields().forEachRemaining(f -> {
            if (!standard.contains(f.getKey()) && f.getValue().isValueNode() && b.length() < 600) {
                b.append(b.length() == 0 ? "" : ", ").append(f.getKey()).append(' ').append(f.getValue().asText());
            }
        });
        return b.toString().replace("|", "/");
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
