package dev.switchboard.api;

/**
 * A campaign's progress: {@code records} on its list; {@code attempted}: records dialled at least
 * once; {@code attempts}: dials in all; {@code connected} and {@code abandoned}: attempts that ended
 * so; {@code remaining}: records still to be worked; {@code blocked}: records the rules will never
 * dial as they stand (a listed number, no consent, no time zone); {@code closed}: finished records.
 */
public record CampaignProgressView(int records, int attempted, int attempts, int connected, int abandoned,
                                   int remaining, int blocked, int closed) {
}
