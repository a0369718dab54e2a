package dev.switchboard.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A figure shown to a supervisor together with how it was obtained.
 *
 * @param name       a stable key, e.g. {@code service-level}
 * @param value      the figure; null when undefined (nothing to divide by)
 * @param unit       {@code %}, {@code s} or {@code contacts}
 * @param formula    the formula in words, with the settings filled in
 * @param parameters the settings and the counts that went into it, in reading order
 */
public record Kpi(String name, Double value, String unit, String formula, Map<String, String> parameters) {

    public Kpi {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(formula, "formula");
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite or null");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Whether there was anything to compute it from. */
    public boolean defined() {
        return value != null;
    }
}
