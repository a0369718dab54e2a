package dev.switchboard.metrics;

/**
 * How contacts the customer abandoned count in the service level. In every formula, "offered" is
 * answered + abandoned, and "abandoned" leaves out short abandons (see
 * {@link ServiceLevelSettings#shortAbandon()}); "within" means a wait of at most the threshold.
 */
public enum AbandonTreatment {
    /**
     * Abandons are left out: SL = answered within threshold ÷ (offered − abandoned) × 100, i.e. the share
     * of answered contacts answered in time.
     */
    IGNORE,
    /** Abandons count as missing the target: SL = answered within threshold ÷ offered × 100. */
    AGAINST,
    /**
     * Abandons within the threshold count as meeting it (later ones as missing it):
     * SL = (answered within threshold + abandoned within threshold) ÷ offered × 100.
     */
    IN_FAVOUR
}
