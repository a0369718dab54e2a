package dev.switchboard.channels.social;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message from a customer.
 *
 * @param senderId        the Messenger page-scoped id (PSID) or the WhatsApp id (the number's digits)
 * @param senderName      the WhatsApp profile name; null on Messenger, which does not send it
 * @param messageId       the platform's id, unique per message: the key to deduplicate on
 * @param text            what they wrote; empty when they only sent attachments
 * @param attachmentTypes the kinds of attachment ("image", "audio", "location", ...), empty if none
 */
public record SocialMessage(Platform platform, String senderId, String senderName, String messageId, String text,
                            Instant at, List<String> attachmentTypes) {
    public SocialMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(at, "at");
        text = text == null ? "" : text;
        attachmentTypes = attachmentTypes == null ? List.of() : List.copyOf(attachmentTypes);
    }
}
