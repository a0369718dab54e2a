/**
 * The e-mail channel: {@link dev.switchboard.channels.email.MailboxWatcher} reads a support mailbox
 * over IMAP and hands each new mail over as an {@link dev.switchboard.channels.email.InboundMail}
 * (its HTML already made safe by {@link dev.switchboard.channels.email.HtmlSanitizer});
 * {@link dev.switchboard.channels.email.MailSender} sends agents' replies over SMTP; and
 * {@link dev.switchboard.channels.email.EmbeddedMailServer} is the demo's own mail server.
 */
package dev.switchboard.channels.email;
