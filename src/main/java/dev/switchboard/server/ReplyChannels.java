package dev.switchboard.server;

import dev.switchboard.domain.Message;

import java.time.Instant;
import java.util.List;

/**
 * What the conversations need from the text channels to answer customers: send an e-mail, speak in
 * a chat, send a social message. Each method refuses plainly when its channel is not set up.
 */
public interface ReplyChannels {

    /** The channel would not (or could not) take the message; the message is for the agent. */
    final class SendRefused extends Exception {
        public SendRefused(String message) {
            super(message);
        }
    }

    /** An e-mail to send; {@code messageId} without angle brackets. */
    record OutgoingEmail(String from, String fromName, List<String> to, List<String> cc, String subject, String text,
                         String messageId, String inReplyTo, List<String> references,
                         List<Message.Attachment> attachments) {
    }

    /** The support mailbox answers go out from when the thread does not say (the first configured). */
    default String defaultMailbox() {
        return "";
    }

    /** A Message-ID for an answer, the same for the same key (so a retried send is recognisable). */
    default String messageId(String key, String mailbox) {
        String domain = mailbox.contains("@") ? mailbox.substring(mailbox.indexOf('@') + 1) : "switchboard.local";
        return key + "@" + domain;
    }

    default void sendEmail(OutgoingEmail mail) throws SendRefused {
        throw new SendRefused("E-mail is not set up on this server: no outgoing mail server");
    }

    /** Says a line in a chat; false when the visitor is away (they get it when they return). */
    default boolean chatLine(long conversation, String lineId, String agentName, String text, Instant at) {
        return false;
    }

    default void chatJoined(long conversation, String agentName) {
    }

    default void chatTyping(long conversation, String agentName, boolean typing) {
    }

    default void chatEnd(long conversation, String message) {
    }

    default boolean chatConnected(long conversation) {
        return false;
    }

    /** Sends a social message; returns the platform's id for it. */
    default String sendSocial(String platform, String recipientId, String text) throws SendRefused {
        throw new SendRefused("Replies to " + platform + " are not set up on this server");
    }
}
