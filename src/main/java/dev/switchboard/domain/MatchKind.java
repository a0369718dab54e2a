package dev.switchboard.domain;

/** How a channel address matched the customer base. */
public enum MatchKind {
    /** No customer has this address. */
    UNKNOWN,
    /** Exactly one customer has it. */
    SINGLE,
    /** Several customers share it (a household number, a shared mailbox); the agent picks. */
    SEVERAL
}
