package dev.switchboard.channels.email;

import java.time.Instant;
import java.util.List;

/**
 * A mail as it arrived in a support mailbox. Message ids carry no angle brackets; addresses are in
 * lower case; {@code replyTo} lists only an explicit Reply-To header (empty: answer
 * {@code fromAddress}); {@code text} is the plain body (made from the HTML when the mail had no plain
 * part); {@code html} is already sanitised and loads nothing from the network, or is null when the
 * mail had no HTML part. A mail without a Message-ID gets a stable made-up one, so a second copy of
 * it is still recognised.
 */
public record InboundMail(String mailbox, String messageId, String inReplyTo, List<String> references,
                          String fromAddress, String fromName, List<String> replyTo, List<String> to,
                          List<String> cc, String subject, String text, String html, List<MailPart> parts,
                          Instant sentAt) {
    public InboundMail {
        references = copy(references);
        replyTo = copy(replyTo);
        to = copy(to);
        cc = copy(cc);
        parts = copy(parts);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
