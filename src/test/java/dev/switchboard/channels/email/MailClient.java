package dev.switchboard.channels.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.util.Properties;

/** Another mail client, as a customer or an administrator would use one: plain Jakarta Mail, no product code. */
final class MailClient {
    private final EmbeddedMailServer server;

    MailClient(EmbeddedMailServer server) {
        this.server = server;
    }

    Session smtpSession() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(server.smtpPort()));
        props.put("mail.smtp.localhost", "localhost");
        return Session.getInstance(props);
    }

    /** Sends over SMTP; keeps the Message-ID the message already has. */
    void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport.send(message);
    }

    /** Whether the support mailbox holds the mail with this Message-ID (no brackets) with \Seen set. */
    boolean seen(String messageId) throws MessagingException {
        return inInbox(Folder.READ_ONLY, inbox -> {
            Message[] found = inbox.search(new HeaderTerm("Message-ID", "<" + messageId + ">"));
            if (found.length != 1) {
                throw new AssertionError(found.length + " mails with Message-ID " + messageId);
            }
            return found[0].isSet(Flags.Flag.SEEN);
        });
    }

    /** Deletes and expunges the mails with these Message-IDs (no brackets), as someone tidying the mailbox would. */
    void remove(String... messageIds) throws MessagingException {
        inInbox(Folder.READ_WRITE, inbox -> {
            for (String id : messageIds) {
                for (Message m : inbox.search(new HeaderTerm("Message-ID", "<" + id + ">"))) {
                    m.setFlag(Flags.Flag.DELETED, true);
                }
            }
            inbox.expunge();
            return null;
        });
    }

    /** How many mails the support mailbox holds. */
    int count() throws MessagingException {
        return inInbox(Folder.READ_ONLY, Folder::getMessageCount);
    }

    private interface InboxWork<T> {
        T on(Folder inbox) throws MessagingException;
    }

    /** Logs in to the support mailbox, opens INBOX in {@code mode}, does the work and logs out. */
    private <T> T inInbox(int mode, InboxWork<T> work) throws MessagingException {
        Mailbox box = server.supportMailbox();
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(box.host(), box.port(), box.user(), box.password());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(mode);
            try {
                return work.on(inbox);
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** A message whose Message-ID survives saveChanges. */
    static MimeMessage withId(Session session, String id) {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + id + ">");
            }
        };
    }
}
