package dev.switchboard.store.demo;

/**
 * Value tier of a customer. Higher tiers spend more (lifetime value) and get in touch more often,
 * so the busiest timelines in the demo belong to the customers agents care most about.
 */
enum Segment {
    PLATINUM("Platinum", 15_000, 1.6),
    GOLD("Gold", 4_000, 1.3),
    SILVER("Silver", 1_200, 1.0),
    STANDARD("Standard", 250, 0.9);

    /** As stored in customer.segment. */
    final String label;
    /** Median lifetime value of a private customer, in currency units. */
    final int medianValue;
    /** How many more (or fewer) contacts than average this tier makes, before normalising. */
    final double contactFactor;

    Segment(String label, int medianValue, double contactFactor) {
        this.label = label;
        this.medianValue = medianValue;
        this.contactFactor = contactFactor;
    }
}
