package dev.switchboard.domain.outbound;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An outbound campaign: what it calls for, how it dials, when it may call (in the contact's local
 * time, holidays included), how hard it may push the abandon rate, how it retries, and which
 * dispositions its agents choose from.
 *
 * <p>{@code maxAbandonRate} is a fraction ({@code 0.03} for 3 %) of the calls answered by a person
 * within the rolling {@code abandonWindow}; the predictive pacer keeps under it.
 */
public record Campaign(String id, String name, DiallingMode mode, Purpose purpose, CallingHours hours,
                       double maxAbandonRate, Duration abandonWindow, RetryPolicy retry,
                       List<Disposition> dispositions) {
    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(abandonWindow, "abandonWindow");
        Objects.requireNonNull(retry, "retry");
        if (!(maxAbandonRate >= 0 && maxAbandonRate < 1)) {
            throw new IllegalArgumentException("the maximum abandon rate is a fraction from 0 to below 1: " + maxAbandonRate);
        }
        if (abandonWindow.isNegative() || abandonWindow.isZero()) {
            throw new IllegalArgumentException("the abandon rate window must be positive");
        }
        dispositions = List.copyOf(dispositions);
        Set<String> codes = new HashSet<>();
        Set<Character> keys = new HashSet<>();
        for (Disposition d : dispositions) {
            if (!codes.add(d.code())) {
                throw new IllegalArgumentException("two dispositions share the code " + d.code());
            }
            if (!keys.add(d.key())) {
                throw new IllegalArgumentException("two dispositions share the key " + d.key());
            }
        }
    }

    /** The disposition an agent picks with one key at wrap-up (case does not matter). */
    public Optional<Disposition> dispositionForKey(char key) {
        char k = Character.toUpperCase(key);
        return dispositions.stream().filter(d -> d.key() == k).findFirst();
    }

    public Optional<Disposition> disposition(String code) {
        return dispositions.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The consent a record needs before this campaign may call it. */
    public Consent requiredConsent() {
        return Consent.voice(purpose);
    }
}
