package dev.switchboard.api;

import java.util.List;

/**
 * An agent's answer on a text channel. {@code clientKey} is chosen by the desktop once per answer
 * and sent again on every retry: the server sends an answer once however often it is asked.
 * E-mail only: {@code mode} (default REPLY), {@code to}/{@code cc} (required to forward; otherwise
 * derived from the thread when absent), {@code subject} (default "Re: ..." with the ticket tag) and
 * {@code attachments}.
 */
public record SendMessageRequest(String clientKey, String text, ReplyMode mode, List<String> to, List<String> cc,
                                 String subject, List<NewAttachment> attachments) {
    public SendMessageRequest(String clientKey, String text) {
        this(clientKey, text, null, null, null, null, null);
    }
}
