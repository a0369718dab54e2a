package dev.switchboard.domain.outbound;

import java.util.Objects;

/**
 * A number to put on a do-not-call list, as a disposition asks; the campaign id says which
 * campaign's list when the scope is {@link DncScope#CAMPAIGN}.
 */
public record DncEntry(DncScope scope, String campaignId, String number) {
    public DncEntry {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(number, "number");
    }
}
