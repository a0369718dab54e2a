package dev.switchboard.domain;

import java.time.Instant;
import java.util.List;

/**
 * One line of a text conversation as stored. {@code externalId} is the channel's id for it (the
 * e-mail's Message-ID, the platform's message id, the chat line id); {@code clientKey} the agent's
 * idempotency key for an answer; {@code html} sanitised e-mail HTML or null.
 */
public record Message(long id, long interactionId, MessageDirection direction, String author, Long agentId,
                      String subject, String text, String html, List<String> to, List<String> cc,
                      String externalId, String inReplyTo, MessageStatus status, String statusDetail,
                      String clientKey, Instant createdAt, List<Attachment> attachments) {
    public Message {
        author = author == null ? "" : author;
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        statusDetail = statusDetail == null ? "" : statusDetail;
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A file of a message; {@code data} is only filled when it is being stored or downloaded. */
    public record Attachment(long id, String filename, String contentType, long size, String contentId,
                             boolean inline, byte[] data) {
    }
}
