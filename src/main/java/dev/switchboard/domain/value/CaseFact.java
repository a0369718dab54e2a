package dev.switchboard.domain.value;

import java.time.Instant;
import java.util.Objects;

/**
 * One ticket of the customer's as the churn signals need it: when it was opened, when it was
 * closed ({@code null} while it is open) and whether it is a complaint.
 */
public record CaseFact(Instant openedAt, Instant closedAt, boolean complaint) {
    public CaseFact {
        Objects.requireNonNull(openedAt, "openedAt");
        if (closedAt != null && closedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("a ticket cannot be closed before it was opened");
        }
    }

    public boolean isOpen() {
        return closedAt == null;
    }
}
