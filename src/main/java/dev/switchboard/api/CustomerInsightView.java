package dev.switchboard.api;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the card shows beside the customer: their value with its working ({@code formula}), their
 * value band, the churn signals as reasons, whether sales may be offered now, and whether they may be
 * contacted on each channel for each purpose.
 */
public record CustomerInsightView(long customerId, BigDecimal lifetimeValue, BigDecimal historic,
                                  BigDecimal yearlySpend, BigDecimal projected, String formula, String valueBand,
                                  List<Reason> churnSignals, boolean doNotUpsell, String doNotUpsellReason,
                                  List<Permission> permissions) {
    public record Reason(String code, String text) {
    }

    /** {@code recorded} false: nobody asked the customer, and the default for the purpose applies. */
    public record Permission(Channel channel, ContactPurpose purpose, boolean allowed, boolean recorded,
                             Instant updatedAt) {
    }
}
