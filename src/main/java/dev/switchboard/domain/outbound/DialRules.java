package dev.switchboard.domain.outbound;

import dev.switchboard.domain.AddressNormalizer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one decision the dialler loop asks before every dial: may this record be dialled now? Every
 * rule is checked, in the order of {@link SkipReason}, and the first one that says no is the answer:
 * the record's state, the number itself, the do-not-call lists, consent for the campaign's purpose,
 * the attempts left, the contact's time zones, when the record is due, and the calling hours and
 * holidays on the contact's wall clock (in every zone the contact may be in). A skip that time will
 * cure says when the record may be dialled next, so the loop can put it aside until then.
 */
public final class DialRules {
    private final Clock clock;
    private final AddressNormalizer normalizer;
    private final DoNotCall doNotCall;
    private final ContactZones zones;

    public DialRules(Clock clock, AddressNormalizer normalizer, DoNotCall doNotCall, ContactZones zones) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.doNotCall = Objects.requireNonNull(doNotCall, "doNotCall");
        this.zones = Objects.requireNonNull(zones, "zones");
    }

    public DialDecision decide(Campaign campaign, CallRecord record) {
        Instant now = clock.instant();
        if (record.status() == RecordStatus.CLOSED) {
            return never(record, SkipReason.RECORD_CLOSED, record.closeReason().map(CloseReason::message).orElse(""));
        }
        if (record.status() == RecordStatus.AWAITING_DISPOSITION) {
            return never(record, SkipReason.IN_WRAP_UP, "");
        }
        Optional<String> key = normalizer.phone(record.number());
        if (key.isEmpty()) {
            return never(record, SkipReason.INVALID_NUMBER, record.number());
        }
        if (doNotCall.onGlobalList(key.get())) {
            return never(record, SkipReason.DNC_GLOBAL, key.get());
        }
        if (doNotCall.onCampaignList(campaign.id(), key.get())) {
            return never(record, SkipReason.DNC_CAMPAIGN, key.get() + " on " + campaign.id());
        }
        Consent needed = campaign.requiredConsent();
        if (!record.hasConsent(needed)) {
            return never(record, SkipReason.NO_CONSENT, "needs " + needed.channel() + "/" + needed.purpose());
        }
        if (record.attempts() >= campaign.retry().maxAttempts() && record.callback().isEmpty()) {
            return never(record, SkipReason.MAX_ATTEMPTS_REACHED,
                    record.attempts() + " of " + campaign.retry().maxAttempts());
        }
        Optional<ContactZones.Resolved> resolved = zones.of(record);
        if (resolved.isEmpty()) {
            return never(record, SkipReason.ZONE_UNKNOWN, "no zone on the record and none for " + key.get());
        }
        Set<ZoneId> candidates = resolved.get().zones();
        CallingHours hours = campaign.hours();
        Optional<Instant> due = record.nextAttemptAt().filter(at -> at.isAfter(now));
        if (due.isPresent()) {
            return skipUntilAllowed(record, SkipReason.NOT_YET_DUE, due.get(), candidates, hours);
        }
        if (!hours.allowsEverywhere(now, candidates)) {
            boolean holiday = candidates.stream().anyMatch(zone -> hours.isHoliday(now, zone));
            return skipUntilAllowed(record, holiday ? SkipReason.HOLIDAY : SkipReason.OUTSIDE_CALLING_HOURS,
                    now, candidates, hours);
        }
        return new DialDecision.Dial(record, candidates, record.callback().flatMap(Callback::agentId));
    }

    private static DialDecision.Skip skipUntilAllowed(CallRecord record, SkipReason reason, Instant from,
                                                      Set<ZoneId> candidates, CallingHours hours) {
        String zoneList = String.join(", ", new TreeSet<>(candidates.stream().map(ZoneId::getId).toList()));
        Optional<Instant> next = hours.nextAllowedEverywhere(from, candidates);
        if (next.isEmpty()) {
            return new DialDecision.Skip(record, SkipReason.NO_CALLING_TIME,
                    SkipReason.NO_CALLING_TIME.message() + " (" + zoneList + ")", Optional.empty());
        }
        return new DialDecision.Skip(record, reason,
                reason.message() + " (" + zoneList + "); next eligible " + next.get(), next);
    }

    private static DialDecision.Skip never(CallRecord record, SkipReason reason, String detail) {
        String message = detail.isEmpty() ? reason.message() : reason.message() + " (" + detail + ")";
        return new DialDecision.Skip(record, reason, message, Optional.empty());
    }
}
