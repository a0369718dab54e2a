package dev.switchboard.api;

import dev.switchboard.domain.outbound.AttemptResult;

import java.time.Instant;

/**
 * How a dialled record's attempt ended: {@code result} BUSY, NO_ANSWER, ANSWERING_MACHINE, FAILED or
 * CONNECTED; for CONNECTED a {@code disposition} code (or its one-key shortcut); for CALLBACK also
 * {@code callbackAt} and {@code callbackToMe} (true: the callback comes back to this agent).
 */
public record OutboundResultRequest(AttemptResult result, String disposition, Instant callbackAt,
                                    Boolean callbackToMe) {
}
