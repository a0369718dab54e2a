package dev.switchboard.server;

import dev.switchboard.api.CustomerInsightView;
import dev.switchboard.api.PermissionRequest;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;
import dev.switchboard.domain.value.CaseFact;
import dev.switchboard.domain.value.ChurnSignals;
import dev.switchboard.domain.value.CustomerValue;
import dev.switchboard.domain.value.ValueAssessment;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.InsightStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's value, churn signals and contact permissions for the card. Read when the card asks,
 * after the screen-pop has drawn, so the pop's path does none of this work.
 */
public final class CustomerInsight {
    private final InsightStore store;
    private final CustomerStore customers;
    private final CustomerValue value = CustomerValue.standard();
    private final ChurnSignals churn = new ChurnSignals();
    private final Clock clock;

    public CustomerInsight(InsightStore store, CustomerStore customers, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.clock = clock;
    }

    public CustomerInsightView of(long customerId) {
        if (customers.find(customerId).isEmpty()) {
            throw ApiProblem.notFound("customer", customerId);
        }
        Instant now = clock.instant();
        var purchases = store.purchases(customerId);
        List<CaseFact> cases = store.cases(customerId);
        ValueAssessment v = value.assess(purchases, now);
        List<CustomerInsightView.Reason> signals = churn.assess(store.contactTimes(customerId), purchases, cases, now)
                .stream().map(s -> new CustomerInsightView.Reason(s.code(), s.reason())).toList();
        boolean noSales = ChurnSignals.doNotUpsell(cases);
        return new CustomerInsightView(customerId, v.lifetimeValue(), v.historic(), v.yearlySpend(), v.projected(),
                v.formula(), CustomerValue.segmentFor(v.lifetimeValue()), signals, noSales,
                noSales ? ChurnSignals.doNotUpsellReason() : null, permissions(customerId));
    }

    private List<CustomerInsightView.Permission> permissions(long customerId) {
        List<InsightStore.PermissionRow> rows = store.permissions(customerId);
        List<CustomerInsightView.Permission> out = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (ContactPurpose purpose : ContactPurpose.values()) {
                InsightStore.PermissionRow row = rows.stream()
                        .filter(r -> r.channel() == channel && r.purpose() == purpose).findFirst().orElse(null);
                out.add(row == null ? new CustomerInsightView.Permission(channel, purpose, purpose.allowedUnlessAsked(),
                        false, null) : new CustomerInsightView.Permission(channel, purpose, row.allowed(), true,
                        row.updatedAt()));
            }
        }
        return out;
    }

    /** Records the customer's answer for one channel and purpose. */
    public CustomerInsightView setPermission(long customerId, PermissionRequest r) {
        if (r == null || r.channel() == null) {
            throw ApiProblem.badRequest("channel", "channel is required: one of PHONE, EMAIL, CHAT, SOCIAL");
        }
        if (r.purpose() == null) {
            throw ApiProblem.badRequest("purpose", "purpose is required: one of SERVICE, MARKETING, SURVEY");
        }
        if (r.allowed() == null) {
            throw ApiProblem.badRequest("allowed", "allowed (true or false) is required");
        }
        if (customers.find(customerId).isEmpty()) {
            throw ApiProblem.notFound("customer", customerId);
        }
        store.setPermission(customerId, r.channel(), r.purpose(), r.allowed(), clock.instant());
        return of(customerId);
    }

    /** Whether the customer may be contacted on the channel for the purpose. */
    public boolean allowed(long customerId, Channel channel, ContactPurpose purpose) {
        return store.allowed(customerId, channel, purpose);
    }
}
