package dev.switchboard.domain.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Money as this package shows it: 2 decimals, half up, grouped the same way whatever the locale. */
final class Money {
    static final int SCALE = 2;
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    static BigDecimal round(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** {@code 1240} as {@code "1,240.00"}; the root locale keeps the card's text the same on every machine. */
    static String format(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", round(amount));
    }
}
