package dev.switchboard.store.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A word list resource: {@code [section]} headers followed by lines; {@code #} starts a comment line.
 * Kept as plain text so that names, places and templates can be edited without touching the code.
 */
final class WordFile {
    private final String name;
    private final Map<String, List<String>> sections;

    private WordFile(String name, Map<String, List<String>> sections) {
        this.name = name;
        this.sections = sections;
    }

    /** Reads a UTF-8 resource from the class path, e.g. {@code /demo/names.txt}. */
    static WordFile load(String resource) {
        InputStream in = WordFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                    current = sections.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1),
                            k -> new ArrayList<>());
                } else if (current == null) {
                    throw new IllegalStateException(resource + ": text before the first section: " + trimmed);
                } else {
                    current.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WordFile(resource, sections);
    }

    /** Names of the sections starting with {@code prefix}, in file order. */
    List<String> sections(String prefix) {
        return sections.keySet().stream().filter(s -> s.startsWith(prefix)).toList();
    }

    /** The raw lines of a section. */
    List<String> lines(String section) {
        List<String> lines = sections.get(section);
        if (lines == null || lines.isEmpty()) {
            throw new IllegalStateException(name + ": missing or empty section [" + section + "]");
        }
        return lines;
    }

    /** The comma-separated entries of a section, over all its lines. */
    List<String> items(String section) {
        List<String> out = new ArrayList<>();
        for (String line : lines(section)) {
            out.addAll(splitList(line));
        }
        return out;
    }

    /** The values of every {@code key = value} line with this key, in order; empty if none. */
    List<String> values(String section, String key) {
        List<String> out = new ArrayList<>();
        for (String line : lines(section)) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).strip().equals(key)) {
                out.add(line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    /** The single value of {@code key} in a section. */
    String value(String section, String key) {
        List<String> values = values(section, key);
        if (values.size() != 1) {
            throw new IllegalStateException(name + ": [" + section + "] needs exactly one " + key);
        }
        return values.get(0);
    }

    static List<String> splitList(String line) {
        List<String> out = new ArrayList<>();
        for (String item : line.split(",")) {
            if (!item.isBlank()) {
                out.add(item.strip());
            }
        }
        return out;
    }
}
