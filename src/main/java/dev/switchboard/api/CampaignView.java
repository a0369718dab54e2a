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
 * An outbound campaign as stored. {@code dialled} is false for modes the server does not dial yet
 * (PROGRESSIVE, PREDICTIVE), and {@code note} then says so.
 */
public record CampaignView(long id, String name, DiallingMode mode, boolean dialled, String note, Purpose purpose,
                           boolean active, Map<DayOfWeek, CampaignWindowView> callingHours, List<LocalDate> holidays,
                           Map<AttemptResult, Duration> retryAfter, int maxAttempts, double maxAbandonRate,
                           String defaultRegion, List<CampaignDispositionView> dispositions,
                           CampaignProgressView progress, Instant createdAt) {
}
