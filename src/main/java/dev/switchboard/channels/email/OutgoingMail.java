package dev.switchboard.channels.email;

import java.util.List;
import java.util.Objects;

/**
 * A reply on its way out. {@code messageId}, {@code inReplyTo} and {@code references} carry no angle
 * brackets (the sender adds them on the wire); a null {@code messageId} lets the mail library make one.
 */
public record OutgoingMail(String from, String fromName, List<String> to, List<String> cc, String subject,
                           String text, String messageId, String inReplyTo, List<String> references,
                           List<MailPart> attachments) {
    public OutgoingMail {
        Objects.requireNonNull(from, "from");
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
    }
}
