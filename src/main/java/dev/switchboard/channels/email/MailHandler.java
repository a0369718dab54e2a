package dev.switchboard.channels.email;

/**
 * Receives each new mail of a watched mailbox. Returning normally means the mail is safely taken
 * over (it is then marked seen); throwing leaves it unseen so it is handed over again later, so the
 * receiver must recognise a mail it already has by its message id.
 */
@FunctionalInterface
public interface MailHandler {
    void received(InboundMail mail) throws Exception;
}
