package dev.switchboard.api;

import dev.switchboard.domain.outbound.DncScope;

import java.util.List;

/** Numbers to put on a do-not-call list: the centre's ({@code GLOBAL}) or one campaign's ({@code CAMPAIGN}, with {@code campaignId}). */
public record OutboundDncRequest(List<String> numbers, DncScope scope, Long campaignId, String reason) {
}
