package dev.switchboard.server;

import dev.switchboard.domain.outbound.DialDecision;
import dev.switchboard.store.CampaignRecordStore;
import dev.switchboard.store.CampaignRecordStore.LogEntry;
import dev.switchboard.store.CampaignRecordStore.Stored;

import java.time.Instant;
import java.util.List;

/**
 * The dial log's lines, shared by the agent's preview loop and the dialler: every skip, dial and
 * result is written with the record's change, in one transaction.
 */
final class DialLog {
    private DialLog() {
    }

    static LogEntry entry(Stored r, Long agent, String action, String reason, String message, Long interaction,
                          Instant at) {
        return new LogEntry(r.campaignId(), r.id(), r.record().number(), agent, action, reason, message, interaction, at);
    }

    /** Writes a skip: until the rules' next eligible instant, or for good when time will not cure it. */
    static void putAside(CampaignRecordStore records, Stored r, DialDecision.Skip skip, String action, Long agent,
                         Instant now) {
        Stored after = skip.nextEligible().map(next -> r.released().dueAt(next))
                .orElseGet(() -> r.blocked(skip.reason().name()));
        records.update(r, after, List.of(entry(r, agent, action, skip.reason().name(), skip.message(), null, now)));
    }
}
