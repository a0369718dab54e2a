package dev.switchboard.server;

import dev.switchboard.api.CampaignDispositionView;
import dev.switchboard.api.CampaignProgressView;
import dev.switchboard.api.CampaignView;
import dev.switchboard.api.CampaignWindowView;
import dev.switchboard.api.OutboundDncEntryView;
import dev.switchboard.api.OutboundLogEntryView;
import dev.switchboard.api.OutboundRecordView;
import dev.switchboard.domain.outbound.CallRecord;
import dev.switchboard.domain.outbound.Callback;
import dev.switchboard.domain.outbound.Campaign;
import dev.switchboard.store.CampaignRecordStore;
import dev.switchboard.store.CampaignStore;
import dev.switchboard.store.DoNotCallStore;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** The outbound wire records made from the stores' rows. */
final class OutboundViews {
    private OutboundViews() {
    }

    static CampaignView campaign(CampaignStore.Stored s, CampaignRecordStore.Progress p) {
        Campaign c = s.campaign();
        Map<DayOfWeek, CampaignWindowView> windows = new EnumMap<>(DayOfWeek.class);
        c.hours().windows().forEach((day, w) -> windows.put(day, new CampaignWindowView(w.start(), w.end())));
        String note = switch (c.mode()) {
            case PREVIEW -> "agents preview each record and dial it themselves";
            case PROGRESSIVE -> "the server dials one call for each ready agent seated on it";
            case PREDICTIVE -> "the server paces calls from the measured answer rate, keeping abandoned calls under "
                    + Math.round(c.maxAbandonRate() * 1000) / 10.0 + " % of answered ones";
        };
        return new CampaignView(s.id(), c.name(), c.mode(), true, note, c.purpose(), s.active(), windows,
                c.hours().holidays().stream().sorted().toList(), new TreeMap<>(c.retry().retryAfter()),
                c.retry().maxAttempts(), c.maxAbandonRate(), s.defaultRegion(),
                c.dispositions().stream().map(d -> new CampaignDispositionView(d.code(), d.key(), d.isFinal(),
                        d.schedulesCallback(), d.addsToDnc().orElse(null))).toList(),
                new CampaignProgressView(p.records(), p.attempted(), p.attempts(), p.connected(), p.abandoned(),
                        p.remaining(), p.blocked(), p.closed()), s.createdAt());
    }

    static OutboundRecordView record(CampaignRecordStore.Stored s) {
        CallRecord r = s.record();
        return new OutboundRecordView(s.id(), s.campaignId(), r.name(), r.number(), r.zone().map(ZoneId::getId).orElse(null),
                r.region().orElse(null), s.customerId(), r.customerRef().orElse(null), r.attempts(),
                r.lastResult().orElse(null), r.nextAttemptAt().orElse(null), r.status(),
                r.callback().map(Callback::at).orElse(null), r.callback().flatMap(Callback::agentId).orElse(null),
                r.closeReason().orElse(null), r.dispositionCode().orElse(null), s.blockedReason(), s.lockedBy(),
                s.dialledAt(), s.interactionId());
    }

    static OutboundLogEntryView log(CampaignRecordStore.Logged l) {
        CampaignRecordStore.LogEntry e = l.entry();
        return new OutboundLogEntryView(l.id(), e.campaignId(), e.recordId(), e.number(), e.agentId(), e.action(),
                e.reason(), e.message(), e.interactionId(), e.at());
    }

    static OutboundDncEntryView dnc(DoNotCallStore.Entry e) {
        return new OutboundDncEntryView(e.id(), e.scope(), e.campaignId(), e.number(), e.reason(), e.addedBy(),
                e.addedAt());
    }
}
