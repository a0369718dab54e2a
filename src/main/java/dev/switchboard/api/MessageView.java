package dev.switchboard.api;

import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;

import java.time.Instant;
import java.util.List;

/**
 * One line of a text conversation: an e-mail, a chat line, a social message, or a note from the
 * centre. {@code html} is sanitised e-mail HTML (no scripts, nothing loaded from the network; inline
 * images as data URIs), null for plain messages. {@code statusDetail} says why a send failed.
 */
public record MessageView(long id, long interactionId, MessageDirection direction, String author,
                          String subject, String text, String html, List<String> to, List<String> cc,
                          MessageStatus status, String statusDetail, List<AttachmentView> attachments,
                          Instant createdAt) {
    public MessageView {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
