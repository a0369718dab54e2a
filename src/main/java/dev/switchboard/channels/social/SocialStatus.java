package dev.switchboard.channels.social;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of a reply sent to a customer.
 *
 * @param recipientId the customer the reply went to (PSID or WhatsApp id)
 * @param messageId   the reply's id as the send API returned it; null for a Messenger read receipt,
 *                    which means "everything sent to this recipient up to {@code at} is read"
 * @param at          when it happened (for Messenger receipts, the platform's watermark)
 * @param error       why it failed, in the platform's words; null unless {@code kind} is FAILED
 */
public record SocialStatus(Platform platform, String recipientId, String messageId, Kind kind, Instant at,
                           String error) {

    /** The stages of a reply, in order; FAILED may follow SENT. */
    public enum Kind { SENT, DELIVERED, READ, FAILED }

    public SocialStatus {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
