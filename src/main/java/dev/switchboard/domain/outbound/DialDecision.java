package dev.switchboard.domain.outbound;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to "may I dial this record now?": {@link Dial}, or {@link Skip} with the reason, a
 * message for the audit trail, and the first instant at which the record may be eligible again
 * (empty when no time will make it so: a closed record, a listed number, a missing consent).
 */
public sealed interface DialDecision {

    CallRecord record();

    /**
     * Dial it. {@code zones} are the contact's zones whose calling hours were checked;
     * {@code agentId} is set for a callback promised by a particular agent.
     */
    record Dial(CallRecord record, Set<ZoneId> zones, Optional<Long> agentId) implements DialDecision {
        public Dial {
            Objects.requireNonNull(record, "record");
            zones = Set.copyOf(zones);
            agentId = agentId == null ? Optional.empty() : agentId;
        }
    }

    /** Do not dial it now. */
    record Skip(CallRecord record, SkipReason reason, String message, Optional<Instant> nextEligible)
            implements DialDecision {
        public Skip {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            nextEligible = nextEligible == null ? Optional.empty() : nextEligible;
        }
    }
}
