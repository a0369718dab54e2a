package dev.switchboard.desktop.outbound;

import dev.switchboard.api.CampaignDispositionView;
import dev.switchboard.api.CampaignProgressView;
import dev.switchboard.api.CampaignView;
import dev.switchboard.api.OutboundNextView;
import dev.switchboard.api.OutboundRecordView;
import dev.switchboard.api.TicketView;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.DiallingMode;
import dev.switchboard.domain.outbound.DncScope;
import dev.switchboard.domain.outbound.Purpose;
import dev.switchboard.domain.outbound.RecordStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A preview campaign and its records as the server answers them, for the outbound view's tests. */
public final class Campaigns {
    public static final long RENEWALS = 31;

    private Campaigns() {
    }

    public static CampaignView renewals() {
        return new CampaignView(RENEWALS, "Spring renewals", DiallingMode.PREVIEW, true, null, Purpose.SERVICE, true,
                Map.of(), List.of(), Map.of(), 5, 0.03, "GB", List.of(
                new CampaignDispositionView("SALE", 'S', true, false, null),
                new CampaignDispositionView("CALLBACK", 'C', false, true, null),
                new CampaignDispositionView("NOT_INTERESTED", 'N', true, false, null),
                new CampaignDispositionView("DO_NOT_CALL", 'D', true, false, DncScope.GLOBAL)),
                new CampaignProgressView(120, 34, 41, 9, 0, 80, 6, 28), Fixtures.NOW.minusSeconds(86_400));
    }

    public static final long WINTER = 32;

    /** A campaign the server dials, one call per ready agent. */
    public static CampaignView winter() {
        CampaignView r = renewals();
        return new CampaignView(WINTER, "Winter calls", DiallingMode.PROGRESSIVE, true, null, r.purpose(), true,
                r.callingHours(), r.holidays(), r.retryAfter(), 5, 0.03, "GB", r.dispositions(),
                new CampaignProgressView(40, 3, 4, 1, 0, 37, 0, 2), r.createdAt());
    }

    /** Ada, linked to her customer card, dialled once before without an answer. */
    public static OutboundRecordView ada() {
        return record(501, "Ada Lovelace", Fixtures.ADA_PHONE, "Europe/London", Fixtures.ADA, 1,
                AttemptResult.NO_ANSWER);
    }

    /** Grace, in New York, linked to no customer, never called. */
    public static OutboundRecordView grace() {
        return record(502, "Grace Hopper", "+12125550199", "America/New_York", null, 0, null);
    }

    public static OutboundRecordView record(long id, String name, String number, String zone, Long customerId,
                                            int attempts, AttemptResult last) {
        return new OutboundRecordView(id, RENEWALS, name, number, zone, null, customerId, null, attempts, last, null,
                RecordStatus.PENDING, null, null, null, null, null, 7L, null, null);
    }

    /** The record as it stands once dialled, on the call {@code interactionId}. */
    public static OutboundRecordView dialled(OutboundRecordView r, long interactionId) {
        return new OutboundRecordView(r.id(), r.campaignId(), r.name(), r.number(), r.zone(), r.region(),
                r.customerId(), r.customerRef(), r.attempts(), r.lastResult(), r.nextAttemptAt(), r.status(),
                r.callbackAt(), r.callbackAgentId(), r.closeReason(), r.dispositionCode(), r.blockedReason(), r.heldBy(),
                Fixtures.NOW, interactionId);
    }

    /** The answer to "next" with this record and, when linked, the fake's customer and open tickets. */
    public static OutboundNextView preview(FakeApi api, OutboundRecordView r) {
        List<TicketView> tickets = r.customerId() == null ? null : api.tickets.getOrDefault(r.customerId(), List.of());
        return new OutboundNextView(r, r.customerId() == null ? null : api.customers.get(r.customerId()), tickets,
                null, null);
    }

    public static OutboundNextView nothingUntil(Instant at) {
        return new OutboundNextView(null, null, null,
                "no record of this campaign may be dialled now; the next falls due at " + at, at);
    }
}
