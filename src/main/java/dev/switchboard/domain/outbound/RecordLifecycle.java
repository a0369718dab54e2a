package dev.switchboard.domain.outbound;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an attempt's result and an agent's disposition do to a call-list record.
 *
 * <ul>
 *   <li>an attempt counts against the campaign's maximum, whatever its result;</li>
 *   <li>{@code CONNECTED} waits for the agent's disposition; the agent closes the record;</li>
 *   <li>any other result is retried after the campaign's delay for it, unless that was the last
 *       attempt allowed or the campaign does not retry that result: then the record closes with
 *       the reason;</li>
 *   <li>a final disposition closes the record (and may put the number on a do-not-call list); a
 *       callback disposition makes the record due at the chosen time, for the same agent or the
 *       campaign; any other disposition goes back to the retry rules as a connected call.</li>
 * </ul>
 *
 * A callback is dialled even when the record has used up its attempts (the contact asked for it);
 * if that call is not answered, the normal rules apply and the record closes.
 */
public final class RecordLifecycle {

    /** The record after wrap-up, and the do-not-call entry the disposition asked for, if any. */
    public record Wrapped(CallRecord record, Optional<DncEntry> dncEntry) {
    }

    private RecordLifecycle() {
    }

    /** The record after a dial attempt that ended with {@code result} at {@code at}. */
    public static CallRecord afterAttempt(CallRecord record, AttemptResult result, Instant at, RetryPolicy retry) {
        Objects.requireNonNull(result, "result");
        if (record.status() != RecordStatus.PENDING) {
            throw new IllegalStateException("record " + record.id() + " is " + record.status() + ", not waiting to be dialled");
        }
        int attempts = record.attempts() + 1;
        if (result == AttemptResult.CONNECTED) {
            return record.withProgress(attempts, Optional.of(result), Optional.empty(),
                    RecordStatus.AWAITING_DISPOSITION, Optional.empty(), Optional.empty(), record.dispositionCode());
        }
        return retryOrClose(record, attempts, result, at, retry);
    }

    /**
     * The record after the agent chose {@code disposition} at {@code at}; {@code callback} is given
     * exactly when the disposition schedules one, and must lie after {@code at}.
     */
    public static Wrapped afterDisposition(Campaign campaign, CallRecord record, Disposition disposition,
                                           Optional<Callback> callback, Instant at) {
        if (record.status() != RecordStatus.AWAITING_DISPOSITION) {
            throw new IllegalStateException("record " + record.id() + " is " + record.status() + ", not in wrap-up");
        }
        if (!campaign.dispositions().contains(disposition)) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " has no disposition " + disposition.code());
        }
        if (disposition.schedulesCallback() != callback.isPresent()) {
            throw new IllegalArgumentException(disposition.schedulesCallback()
                    ? disposition.code() + " needs a callback time" : disposition.code() + " schedules no callback");
        }
        Optional<String> code = Optional.of(disposition.code());
        if (disposition.isFinal()) {
            CallRecord closed = record.withProgress(record.attempts(), record.lastResult(), Optional.empty(),
                    RecordStatus.CLOSED, Optional.empty(), Optional.of(CloseReason.FINAL_DISPOSITION), code);
            return new Wrapped(closed, disposition.addsToDnc()
                    .map(scope -> new DncEntry(scope, campaign.id(), record.number())));
        }
        if (callback.isPresent()) {
            if (!callback.get().at().isAfter(at)) {
                throw new IllegalArgumentException("a callback must be scheduled after now");
            }
            return new Wrapped(record.withProgress(record.attempts(), record.lastResult(),
                    Optional.of(callback.get().at()), RecordStatus.PENDING, callback, Optional.empty(), code),
                    Optional.empty());
        }
        CallRecord retried = retryOrClose(record, record.attempts(), AttemptResult.CONNECTED, at, campaign.retry());
        return new Wrapped(retried.withProgress(retried.attempts(), retried.lastResult(), retried.nextAttemptAt(),
                retried.status(), retried.callback(), retried.closeReason(), code), Optional.empty());
    }

    private static CallRecord retryOrClose(CallRecord record, int attempts, AttemptResult result, Instant at,
                                           RetryPolicy retry) {
        Optional<CloseReason> close = attempts >= retry.maxAttempts() ? Optional.of(CloseReason.MAX_ATTEMPTS_REACHED)
                : retry.delayAfter(result).isEmpty() ? Optional.of(CloseReason.RESULT_NOT_RETRIED) : Optional.empty();
        if (close.isPresent()) {
            return record.withProgress(attempts, Optional.of(result), Optional.empty(), RecordStatus.CLOSED,
                    Optional.empty(), close, record.dispositionCode());
        }
        Instant next = at.plus(retry.delayAfter(result).orElseThrow());
        return record.withProgress(attempts, Optional.of(result), Optional.of(next), RecordStatus.PENDING,
                Optional.empty(), Optional.empty(), record.dispositionCode());
    }
}
