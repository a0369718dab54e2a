package dev.switchboard.api;

import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.DiallingMode;
import dev.switchboard.domain.outbound.Purpose;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A new outbound campaign. {@code callingHours}: one window per weekday that may be called, in the
 * contact's local time (a day left out is never called); {@code holidays}: local dates never called;
 * {@code retryAfter}: ISO durations per attempt result (a result left out is not retried; absent: the
 * standard delays); {@code maxAttempts}: absent is 5; {@code maxAbandonRate}: a fraction, absent is
 * 0.03; {@code defaultRegion}: the country for list numbers written without a country code (absent:
 * the server's); {@code dispositions}: the outcomes its agents choose from after a connected call, in
 * the order shown, each with its one-key shortcut (absent: the standard set). PREVIEW campaigns are
 * dialled by their agents; PROGRESSIVE and PREDICTIVE ones by the server.
 */
public record CampaignRequest(String name, DiallingMode mode, Purpose purpose,
                              Map<DayOfWeek, CampaignWindowView> callingHours, List<LocalDate> holidays,
                              Map<AttemptResult, Duration> retryAfter, Integer maxAttempts, Double maxAbandonRate,
                              String defaultRegion, List<CampaignDispositionView> dispositions) {
}
