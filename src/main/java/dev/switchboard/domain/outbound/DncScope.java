package dev.switchboard.domain.outbound;

/**
 * Where a do-not-call entry applies: every campaign of the centre, or just one campaign (a customer
 * who wants no more calls about this offer, but still wants service calls).
 */
public enum DncScope { GLOBAL, CAMPAIGN }
