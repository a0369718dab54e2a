package dev.switchboard.channels.chat;

/**
 * Who started a chat, as they told the widget. Validated by the gateway: the name has 1–100
 * characters, the e-mail looks like one or is {@code null}, the page has at most 2000 characters
 * (or is {@code null}); the user agent is the browser's header, possibly {@code null}.
 */
public record ChatVisitor(String name, String email, String page, String userAgent) {
}
