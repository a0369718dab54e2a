package dev.switchboard.domain.value;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** The fixed instant the value tests assess at, and facts placed relative to it. */
final class ValueFixtures {
    static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

    private ValueFixtures() {
    }

    static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    static Purchase bought(long daysAgo, String amount) {
        return new Purchase(daysAgo(daysAgo), new BigDecimal(amount));
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
