package dev.switchboard.domain.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's lifetime value, worked out in the open so the agent can see why a customer counts
 * as valuable:
 *
 * <pre>
 *   H = net of every purchase and refund, over the customer's whole history
 *   S = net of the purchases and refunds in the last 365 days, or 0 when that is not positive
 *   Y = r / (1 + d - r), rounded to 2 decimals       (r: retention, d: discount rate)
 *   lifetime value = H + S × Y, rounded to 2 decimals
 * </pre>
 *
 * <p>Y is the number of further years a customer is expected to keep buying, each year's spend
 * discounted: the sum of {@code (r / (1 + d))^n} for n = 1, 2, … With the standard r = 0.80 and
 * d = 0.10 that is 2.67 years. A customer who bought nothing in the last 365 days, or whose refunds
 * there outweigh the purchases, gets S = 0 and so nothing projected: only what they already spent.
 *
 * <p>Y is rounded before it multiplies S, and H and S are rounded to cents first, so the one-line
 * sum in {@link ValueAssessment#formula()} gives exactly the value shown when done by hand. Purchases
 * dated after {@code now} (a clock a little ahead) count as part of the last 365 days.
 */
public final class CustomerValue {
    /** The spend window of S and the length of one projected year. */
    public static final Duration YEAR = Duration.ofDays(365);
    /** Share of customers assumed to buy again next year. */
    public static final BigDecimal DEFAULT_RETENTION = new BigDecimal("0.80");
    /** Yearly discount on future spend: money next year is worth less than money now. */
    public static final BigDecimal DEFAULT_DISCOUNT_RATE = new BigDecimal("0.10");
    /** Decimals of Y, the expected further years. */
    public static final int YEARS_SCALE = 2;
    /** Lowest lifetime value of the "Platinum" band. */
    public static final BigDecimal PLATINUM_FROM = new BigDecimal("10000.00");
    /** Lowest lifetime value of the "Gold" band. */
    public static final BigDecimal GOLD_FROM = new BigDecimal("2500.00");
    /** Lowest lifetime value of the "Silver" band; below it a customer is "Standard". */
    public static final BigDecimal SILVER_FROM = new BigDecimal("500.00");

    private final BigDecimal retention;
    private final BigDecimal discountRate;
    private final BigDecimal expectedYears;

    /**
     * @param retention    r, from 0 (nobody comes back) up to but not including 1
     * @param discountRate d, 0 or more
     */
    public CustomerValue(BigDecimal retention, BigDecimal discountRate) {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(discountRate, "discountRate");
        if (retention.signum() < 0 || retention.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("retention must be at least 0 and below 1: " + retention);
        }
        if (discountRate.signum() < 0) {
            throw new IllegalArgumentException("the discount rate cannot be negative: " + discountRate);
        }
        this.retention = retention;
        this.discountRate = discountRate;
        this.expectedYears = retention.divide(BigDecimal.ONE.add(discountRate).subtract(retention),
                YEARS_SCALE, RoundingMode.HALF_UP);
    }

    /** Retention 0.80, discount rate 0.10: 2.67 expected further years. */
    public static CustomerValue standard() {
        return new CustomerValue(DEFAULT_RETENTION, DEFAULT_DISCOUNT_RATE);
    }

    public BigDecimal retention() {
        return retention;
    }

    public BigDecimal discountRate() {
        return discountRate;
    }

    /** Y, the expected further years, to {@value #YEARS_SCALE} decimals. */
    public BigDecimal expectedYears() {
        return expectedYears;
    }

    /** The formula in general with this instance's parameters, for the card's "how this is worked out". */
    public String formula() {
        return "Lifetime value = spent so far (net of refunds) + net spend in the last 365 days"
                + " × expected further years; expected years = r / (1 + d - r) = "
                + retention.toPlainString() + " / (1 + " + discountRate.toPlainString() + " - "
                + retention.toPlainString() + ") = " + years(expectedYears)
                + " (r: retention, d: discount rate)";
    }

    /** The customer's value at {@code now} from their purchases and refunds, given in any order. */
    public ValueAssessment assess(List<Purchase> purchases, Instant now) {
        List<Purchase> all = Facts.checked(purchases, "purchases");
        Objects.requireNonNull(now, "now");
        BigDecimal historic = Money.round(Facts.net(all));
        BigDecimal lastYear = Money.round(Facts.netAfter(all, now.minus(YEAR)));
        BigDecimal yearly = lastYear.signum() > 0 ? lastYear : Money.ZERO;
        BigDecimal projected = Money.round(yearly.multiply(expectedYears));
        BigDecimal lifetime = historic.add(projected);
        String formula = Money.format(historic) + " spent so far + " + Money.format(yearly) + " a year × "
                + years(expectedYears) + " expected years = " + Money.format(lifetime);
        if (yearly.signum() == 0) {
            formula += "; no net spend in the last 365 days, so nothing is projected";
        }
        return new ValueAssessment(lifetime, historic, yearly, projected, formula);
    }

    /**
     * The value band: "Platinum" from {@link #PLATINUM_FROM}, "Gold" from {@link #GOLD_FROM},
     * "Silver" from {@link #SILVER_FROM}, otherwise "Standard"; each band includes its lower edge.
     */
    public static String segmentFor(BigDecimal lifetimeValue) {
        Objects.requireNonNull(lifetimeValue, "lifetimeValue");
        if (lifetimeValue.compareTo(PLATINUM_FROM) >= 0) {
            return "Platinum";
        }
        if (lifetimeValue.compareTo(GOLD_FROM) >= 0) {
            return "Gold";
        }
        if (lifetimeValue.compareTo(SILVER_FROM) >= 0) {
            return "Silver";
        }
        return "Standard";
    }

    /** 4 as "4.0", 2.67 as "2.67": at least one decimal, no trailing zero beyond it. */
    private static String years(BigDecimal years) {
        BigDecimal trimmed = years.stripTrailingZeros();
        return (trimmed.scale() < 1 ? trimmed.setScale(1) : trimmed).toPlainString();
    }
}
