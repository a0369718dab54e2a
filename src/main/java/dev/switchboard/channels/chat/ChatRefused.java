package dev.switchboard.channels.chat;

/** Thrown by {@link ChatListener#started} to turn a visitor away; the message is shown to the visitor. */
public class ChatRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChatRefused(String visitorMessage) {
        super(visitorMessage);
    }
}
