package dev.switchboard.domain.outbound;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One contact on a campaign's call list and where its dialling stands.
 *
 * <p>{@code number} is the E.164 key ({@code +14155550132}); {@code zone} is a time zone written on
 * the record, which beats the zones derived from the number; {@code region} is the ISO country the
 * list gave for it. {@code nextAttemptAt} is when the record is due again (empty: due now). A
 * pending {@code callback} is a promise to the contact; the record is closed with a
 * {@code closeReason} and, when an agent closed it, the {@code dispositionCode}. Records are values:
 * every change ({@link RecordLifecycle}) returns a new one.
 */
public record CallRecord(String id, Optional<String> customerRef, String name, String number,
                         Optional<ZoneId> zone, Optional<String> region, Set<Consent> consents,
                         int attempts, Optional<AttemptResult> lastResult, Optional<Instant> nextAttemptAt,
                         RecordStatus status, Optional<Callback> callback,
                         Optional<CloseReason> closeReason, Optional<String> dispositionCode) {
    public CallRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        customerRef = customerRef == null ? Optional.empty() : customerRef;
        zone = zone == null ? Optional.empty() : zone;
        region = region == null ? Optional.empty() : region;
        consents = consents == null ? Set.of() : Set.copyOf(consents);
        lastResult = lastResult == null ? Optional.empty() : lastResult;
        nextAttemptAt = nextAttemptAt == null ? Optional.empty() : nextAttemptAt;
        callback = callback == null ? Optional.empty() : callback;
        closeReason = closeReason == null ? Optional.empty() : closeReason;
        dispositionCode = dispositionCode == null ? Optional.empty() : dispositionCode;
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative");
        }
        if ((status == RecordStatus.CLOSED) != closeReason.isPresent()) {
            throw new IllegalArgumentException("a record has a close reason exactly when it is closed");
        }
    }

    /** A record as it comes from a list: never dialled, due now. */
    public static CallRecord fresh(String id, Optional<String> customerRef, String name, String number,
                                   Optional<ZoneId> zone, Optional<String> region, Set<Consent> consents) {
        return new CallRecord(id, customerRef, name, number, zone, region, consents, 0, Optional.empty(),
                Optional.empty(), RecordStatus.PENDING, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean hasConsent(Consent consent) {
        return consents.contains(consent);
    }

    /** This record with another explicit zone (or none). */
    public CallRecord withZone(Optional<ZoneId> newZone) {
        return new CallRecord(id, customerRef, name, number, newZone, region, consents, attempts, lastResult,
                nextAttemptAt, status, callback, closeReason, dispositionCode);
    }

    /** This record with other consents (the contact gave or withdrew one). */
    public CallRecord withConsents(Set<Consent> newConsents) {
        return new CallRecord(id, customerRef, name, number, zone, region, newConsents, attempts, lastResult,
                nextAttemptAt, status, callback, closeReason, dispositionCode);
    }

    /** The dial state replaced; identity, number and consents kept. */
    CallRecord withProgress(int newAttempts, Optional<AttemptResult> newLastResult, Optional<Instant> newNextAttemptAt,
                            RecordStatus newStatus, Optional<Callback> newCallback,
                            Optional<CloseReason> newCloseReason, Optional<String> newDispositionCode) {
        return new CallRecord(id, customerRef, name, number, zone, region, consents, newAttempts, newLastResult,
                newNextAttemptAt, newStatus, newCallback, newCloseReason, newDispositionCode);
    }
}
