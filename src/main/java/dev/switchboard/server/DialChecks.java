package dev.switchboard.server;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;
import dev.switchboard.domain.outbound.Campaign;
import dev.switchboard.domain.outbound.DialDecision;
import dev.switchboard.domain.outbound.DialRules;
import dev.switchboard.domain.outbound.Purpose;
import dev.switchboard.domain.outbound.SkipReason;
import dev.switchboard.store.CampaignRecordStore.Stored;
import dev.switchboard.store.InsightStore;

import java.util.Optional;

/**
 * What is asked before a record is dialled: the {@link DialRules} (state, number, do-not-call lists,
 * the list's consent, attempts, calling hours), then, for a record that is one of the centre's
 * customers, the contact permissions on their card: a "no" to phone calls for the campaign's purpose
 * puts the record aside, whatever the imported list said. (Never asked is not a no: the list's own
 * consent column decides then.)
 */
final class DialChecks {
    private final DialRules rules;
    private final InsightStore permissions;

    /** {@code permissions} null: the card's answers are not asked (a dialler without a customer base). */
    DialChecks(DialRules rules, InsightStore permissions) {
        this.rules = rules;
        this.permissions = permissions;
    }

    DialDecision decide(Campaign campaign, Stored r) {
        DialDecision d = rules.decide(campaign, r.record());
        if (!(d instanceof DialDecision.Dial) || permissions == null || r.customerId() == null) {
            return d;
        }
        ContactPurpose purpose = campaign.purpose() == Purpose.MARKETING ? ContactPurpose.MARKETING
                : ContactPurpose.SERVICE;
        if (permissions.refused(r.customerId(), Channel.PHONE, purpose)) {
            return new DialDecision.Skip(r.record(), SkipReason.REFUSED_ON_CARD, "customer " + r.customerId()
                    + " said no to " + purpose.name().toLowerCase(java.util.Locale.ROOT) + " calls", Optional.empty());
        }
        return d;
    }
}
