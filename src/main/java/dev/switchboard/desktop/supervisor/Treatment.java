package dev.switchboard.desktop.supervisor;

/**
 * How abandoned contacts count in a queue's service level, as the dashboard asks the server for it.
 * The names are the ones the server takes; the words for people are in {@code EnumText}.
 */
public enum Treatment {
    /** Abandons are left out: the share of answered contacts answered in time. */
    IGNORE,
    /** Abandons count as missing the target (the server's default, and what the live stream sends). */
    AGAINST,
    /** Abandons within the threshold count as meeting it. */
    IN_FAVOUR;

    /** The value of the {@code treatment} parameter. */
    public String wire() {
        return name();
    }
}
