package dev.switchboard.domain.value;

import java.util.Objects;

/**
 * One churn warning: {@code code} is one of {@link ChurnSignals}' code constants, stable for
 * filtering and styling; {@code reason} is the sentence the agent reads, with the numbers in it.
 */
public record Signal(String code, String reason) {
    public Signal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
