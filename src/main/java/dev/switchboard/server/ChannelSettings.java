package dev.switchboard.server;

import dev.switchboard.channels.email.Mailbox;
import dev.switchboard.channels.email.SmtpSettings;
import dev.switchboard.channels.social.SocialSettings;

import java.time.Duration;
import java.util.List;

/**
 * How the text channels reach the outside world.
 *
 * @param mailboxes     support mailboxes read over IMAP (none: no e-mail comes in)
 * @param smtp          where answers are sent (null: e-mail answers are refused plainly)
 * @param embeddedMail  run a mail server inside the process with the demo's support mailbox (used
 *                      instead of {@code mailboxes} and {@code smtp})
 * @param social        the Meta app's secret and verify token for webhooks, and the send API;
 *                      null: the webhook endpoints refuse everything
 * @param chatGrace     how long a chat visitor who lost the connection may come back to the same chat
 */
public record ChannelSettings(List<Mailbox> mailboxes, SmtpSettings smtp, boolean embeddedMail,
                              SocialSettings social, Duration chatGrace) {
    public static final String DEMO_MAILBOX = "support@switchboard.demo";

    public ChannelSettings {
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        chatGrace = chatGrace == null ? Duration.ofMinutes(2) : chatGrace;
    }

    /** No mail, no social platform; the chat widget only. */
    public static ChannelSettings none() {
        return new ChannelSettings(List.of(), null, false, null, null);
    }

    public ChannelSettings withEmbeddedMail(boolean on) {
        return new ChannelSettings(mailboxes, smtp, on, social, chatGrace);
    }

    public ChannelSettings withSocial(SocialSettings settings) {
        return new ChannelSettings(mailboxes, smtp, embeddedMail, settings, chatGrace);
    }

    public ChannelSettings withMail(List<Mailbox> boxes, SmtpSettings out) {
        return new ChannelSettings(boxes, out, embeddedMail, social, chatGrace);
    }

    public ChannelSettings withChatGrace(Duration grace) {
        return new ChannelSettings(mailboxes, smtp, embeddedMail, social, grace);
    }
}
