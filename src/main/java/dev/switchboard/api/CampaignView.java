package dev.switchboard.api;

import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.DiallingMode;
import dev.switchboard.domain.outbound.Purpose;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An outbound campaign as stored. {@code dialled} is true for every mode (it was false while only
 * PREVIEW campaigns were dialled); {@code note} says in words who dials the campaign and how.
 */
public record CampaignView(long id, String name, DiallingMode mode, boolean dialled, String note, Purpose purpose,
                           boolean active, Map<DayOfWeek, CampaignWindowView> callingHours, List<LocalDate> holidays,
                           Map<AttemptResult, Duration> retryAfter, int maxAttempts, double maxAbandonRate,
                           String defaultRegion, List<CampaignDispositionView> dispositions,
                           CampaignProgressView progress, Instant createdAt) {
}
