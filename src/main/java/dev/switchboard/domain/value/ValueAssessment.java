package dev.switchboard.domain.value;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A customer's lifetime value with the figures it was built from, all money to 2 decimals:
 * {@code lifetimeValue = historic + projected}, {@code projected = yearlySpend × expected years}.
 * {@code formula} is the same sum in one line with these figures, for the card to show.
 */
public record ValueAssessment(BigDecimal lifetimeValue, BigDecimal historic, BigDecimal yearlySpend,
                              BigDecimal projected, String formula) {
    public ValueAssessment {
        Objects.requireNonNull(lifetimeValue, "lifetimeValue");
        Objects.requireNonNull(historic, "historic");
        Objects.requireNonNull(yearlySpend, "yearlySpend");
        Objects.requireNonNull(projected, "projected");
        Objects.requireNonNull(formula, "formula");
    }

    /** The value band of this customer, see {@link CustomerValue#segmentFor(BigDecimal)}. */
    public String segment() {
        return CustomerValue.segmentFor(lifetimeValue);
    }
}
