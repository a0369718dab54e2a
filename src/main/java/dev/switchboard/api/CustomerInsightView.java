package dev.switchboard.api;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the card shows beside the customer: their value with its working ({@code formula}), their
 * value band, the churn signals as reasons, whether sales may be offered now, whether they may be
 * contacted on each channel for each purpose, and the customers on file who may be the same person
 * ("Ada King: similar name at the same postcode"), for someone to merge.
 */
public record CustomerInsightView(long customerId, BigDecimal lifetimeValue, BigDecimal historic,
                                  BigDecimal yearlySpend, BigDecimal projected, String formula, String valueBand,
                                  List<Reason> churnSignals, boolean doNotUpsell, String doNotUpsellReason,
                                  List<Permission> permissions, List<String> possibleDuplicates) {
    public CustomerInsightView {
        possibleDuplicates = possibleDuplicates == null ? List.of() : List.copyOf(possibleDuplicates);
    }

    /** Without duplicates looked for. */
    public CustomerInsightView(long customerId, BigDecimal lifetimeValue, BigDecimal historic, BigDecimal yearlySpend,
                               BigDecimal projected, String formula, String valueBand, List<Reason> churnSignals,
                               boolean doNotUpsell, String doNotUpsellReason, List<Permission> permissions) {
        this(customerId, lifetimeValue, historic, yearlySpend, projected, formula, valueBand, churnSignals, doNotUpsell,
                doNotUpsellReason, permissions, List.of());
    }

    /** The same, with the possible duplicates found. */
    public CustomerInsightView withDuplicates(List<String> found) {
        return new CustomerInsightView(customerId, lifetimeValue, historic, yearlySpend, projected, formula, valueBand,
                churnSignals, doNotUpsell, doNotUpsellReason, permissions, found);
    }
    public record Reason(String code, String text) {
    }

    /** {@code recorded} false: nobody asked the customer, and the default for the purpose applies. */
    public record Permission(Channel channel, ContactPurpose purpose, boolean allowed, boolean recorded,
                             Instant updatedAt) {
    }
}
