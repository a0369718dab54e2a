package dev.switchboard.desktop.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Skills as an administrator types them: {@code billing=3, english=5}. */
final class Skills {
    private Skills() {
    }

    static String text(Map<String, Integer> skills) {
        return skills == null ? "" : skills.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The skills written in {@code text}, or empty when a part is not {@code name=number}. */
    static Optional<Map<String, Integer>> parse(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return Optional.of(out);
        }
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                return Optional.empty();
            }
            try {
                out.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }
}
