package dev.switchboard.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The benchmark's own data directories. */
final class BenchFiles {
    private BenchFiles() {
    }

    /** The size of each file under {@code root} whose name ends with {@code suffix}, added up by file name. */
    static Map<String, Long> sizesByName(Path root, String suffix) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        if (!Files.exists(root)) {
            return sizes;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                sizes.merge(p.getFileName().toString(), Files.size(p), Long::sum);
            }
        }
        return sizes;
    }

    /** Deletes {@code dir} and everything in it, if it is there: each run starts from its own data. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
