package dev.switchboard.desktop.outbound;

/** Where the outbound agent's work on the call list stands. */
public enum CallListStep {
    /** No campaign chosen (or none active). */
    NO_CAMPAIGN,
    /** A record is held for the agent: dial it or skip it. */
    PREVIEW,
    /** The rules refused the dial of the record shown; it was put aside. */
    REFUSED,
    /** Nothing may be dialled now. */
    NOTHING,
    /** Seated on a campaign the server dials: waiting for the dialler to put an answered call through. */
    WAITING,
    /** The record was dialled: the call, then its result. */
    ON_CALL
}
