package dev.switchboard.api;

import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.CloseReason;
import dev.switchboard.domain.outbound.RecordStatus;

import java.time.Instant;

/**
 * A call-list record: who to call ({@code number} in E.164, {@code zone} when the list gave one), the
 * customer it is linked to, where its dialling stands, the pending callback, why it is closed or
 * blocked, who holds it, and the call of the current attempt ({@code dialledAt}, {@code interactionId}).
 */
public record OutboundRecordView(long id, long campaignId, String name, String number, String zone, String region,
                                 Long customerId, String customerRef, int attempts, AttemptResult lastResult,
                                 Instant nextAttemptAt, RecordStatus status, Instant callbackAt, Long callbackAgentId,
                                 CloseReason closeReason, String dispositionCode, String blockedReason, Long heldBy,
                                 Instant dialledAt, Long interactionId) {
}
