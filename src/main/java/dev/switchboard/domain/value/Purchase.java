package dev.switchboard.domain.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One purchase of the customer's, or a refund when the amount is negative; refunds are netted
 * against purchases rather than matched to the purchase they undo.
 */
public record Purchase(Instant at, BigDecimal amount) {
    public Purchase {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(amount, "amount");
    }

    /** Whether this is money coming in, as opposed to a refund or a zero-value entry. */
    public boolean isSale() {
        return amount.signum() > 0;
    }
}
