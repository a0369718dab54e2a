package dev.switchboard.server;

import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.CallRecord;
import dev.switchboard.domain.outbound.Campaign;
import dev.switchboard.domain.outbound.RecordLifecycle;
import dev.switchboard.store.CampaignRecordStore;
import dev.switchboard.store.CampaignRecordStore.Stored;
import dev.switchboard.store.CampaignStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the dialler writes about a record, each change with its dial-log line in one transaction:
 * claimed for a call (dialled, held by no agent), given to an agent, finished with an attempt's
 * result through the campaign's retry rules, or let go with the attempt not counted.
 */
final class DiallerRecords {
    private static final Logger LOG = LoggerFactory.getLogger(DiallerRecords.class);

    private final CampaignStore campaigns;
    private final CampaignRecordStore records;

    DiallerRecords(CampaignStore campaigns, CampaignRecordStore records) {
        this.campaigns = campaigns;
        this.records = records;
    }

    /** Claims the record for a call with its DIAL line; false when someone took it first. */
    boolean claim(Stored r, Campaign campaign, Instant now) {
        String mode = campaign.mode().name().toLowerCase(Locale.ROOT);
        return records.update(r, r.dialling(now), List.of(DialLog.entry(r, null, "DIAL", null, "dialler (" + mode
                + "): attempt " + (r.record().attempts() + 1) + " of " + campaign.retry().maxAttempts(), null, now)));
    }

    /** Holds the answered call's record for the agent it is given to; false when it changed meanwhile. */
    boolean holdFor(long recordId, long agentId, Instant now) {
        Optional<Stored> current = records.find(recordId);
        return current.isPresent() && records.update(current.get(), current.get().lockedTo(agentId, now), List.of());
    }

    /** The agent could not take the call after all: the record is the dialler's again. */
    void unhold(long recordId) {
        records.find(recordId).ifPresent(r -> records.update(r, r.lockedTo(null, null), List.of()));
    }

    /** The call reached the agent: the contact it became and a CONNECT line. */
    void given(long recordId, long agentId, long interactionId, String message, Instant now) {
        records.find(recordId).ifPresent(r -> records.update(r, r.onCall(interactionId), List.of(DialLog.entry(r,
                agentId, "CONNECT", null, message, interactionId, now))));
    }

    /** A line for the log alone (the agent's phone answered, say). */
    void note(long recordId, Long agentId, String action, String message, Instant now) {
        records.find(recordId).ifPresent(r -> records.log(DialLog.entry(r, agentId, action, null, message,
                r.interactionId(), now)));
    }

    /**
     * The attempt's result through the retry rules; the record is let go (by the agent too, when
     * the call never reached them).
     */
    void finish(long campaignId, long recordId, AttemptResult result, String why, Instant now) {
        Stored current = records.find(recordId).orElse(null);
        Optional<CampaignStore.Stored> c = campaigns.find(campaignId);
        if (current == null || c.isEmpty()) {
            return;
        }
        CallRecord after;
        try {
            after = RecordLifecycle.afterAttempt(current.record(), result, now, c.get().campaign().retry());
        } catch (IllegalStateException e) {
            LOG.warn("record {} could not take the result {}: {}", recordId, result, e.getMessage());
            records.update(current, current.released(), List.of());
            return;
        }
        String message = (why == null || why.isBlank() ? "" : why + "; ") + OutboundService.describe(after);
        records.update(current, current.withRecord(after).released(), List.of(DialLog.entry(current, null, "RESULT",
                result.name(), message, current.interactionId(), now)));
    }

    /** Lets the record go without counting an attempt (the call was never placed, or was cancelled). */
    void letGo(long recordId, String reason, String why, Instant now) {
        records.find(recordId).ifPresent(r -> records.update(r, r.dialling(null).lockedTo(null, null),
                List.of(DialLog.entry(r, null, "DIAL_FAILED", reason, why, null, now))));
    }
}
