package dev.switchboard.desktop.conversation;

import dev.switchboard.domain.Channel;

import java.util.Locale;

/** Where a text conversation takes place: the server's {@code platform} of a conversation. */
public enum Medium {
    EMAIL, CHAT, MESSENGER, WHATSAPP, SOCIAL;

    /** The server's name for it; when it names none this agent knows, the contact's channel decides. */
    public static Medium of(String platform, Channel channel) {
        if (platform != null) {
            String name = platform.strip().toUpperCase(Locale.ROOT);
            for (Medium m : values()) {
                if (m.name().equals(name)) {
                    return m;
                }
            }
        }
        return switch (channel) {
            case EMAIL -> EMAIL;
            case CHAT -> CHAT;
            default -> SOCIAL;
        };
    }

    /** The channels whose contacts are worked as a conversation. */
    public static boolean isText(Channel channel) {
        return channel == Channel.EMAIL || channel == Channel.CHAT || channel == Channel.SOCIAL;
    }
}
