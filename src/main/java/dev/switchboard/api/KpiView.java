package dev.switchboard.api;

import java.util.Map;

/**
 * One number on a supervisor's tile, with how it is computed: {@code value} null when there is nothing
 * to compute it from yet; {@code formula} in words; {@code parameters} the settings and counts used.
 */
public record KpiView(String name, Double value, String unit, String formula, Map<String, String> parameters) {
}
