package dev.switchboard.api;

import dev.switchboard.domain.outbound.DncScope;

import java.time.Instant;

/** A listed number (E.164); {@code campaignId} is null on the global list. */
public record OutboundDncEntryView(long id, DncScope scope, Long campaignId, String number, String reason,
                                   Long addedBy, Instant addedAt) {
}
