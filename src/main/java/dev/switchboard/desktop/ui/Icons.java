package dev.switchboard.desktop.ui;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import org.kordamp.ikonli.javafx.FontIcon;

/** Which icon stands for what; colours come from the style classes, never from here. */
public final class Icons {
    private Icons() {
    }

    public static String channel(Channel channel) {
        return switch (channel) {
            case PHONE -> "mdi2p-phone";
            case EMAIL -> "mdi2e-email-outline";
            case CHAT -> "mdi2c-chat-outline";
            case SOCIAL -> "mdi2p-pound";
        };
    }

    public static String contactKind(ContactKind kind) {
        return switch (kind) {
            case PHONE -> "mdi2p-phone";
            case EMAIL -> "mdi2e-email-outline";
            case SOCIAL -> "mdi2a-at";
        };
    }

    public static String direction(Direction direction) {
        return direction == Direction.OUTBOUND ? "mdi2a-arrow-top-right" : "mdi2a-arrow-bottom-left";
    }

    /** A channel icon with the channel's style class ({@code channel-phone}...), for colouring in CSS. */
    public static FontIcon channelIcon(Channel channel) {
        FontIcon icon = new FontIcon(channel(channel));
        icon.getStyleClass().addAll("channel-icon", styleClass(channel));
        return icon;
    }

    public static String styleClass(Channel channel) {
        return switch (channel) {
            case PHONE -> "channel-phone";
            case EMAIL -> "channel-email";
            case CHAT -> "channel-chat";
            case SOCIAL -> "channel-social";
        };
    }

    /** Sets the icon and swaps the channel style class on an existing icon (cells reuse theirs). */
    public static void showChannel(FontIcon icon, Channel channel) {
        icon.setIconLiteral(channel(channel));
        icon.getStyleClass().removeAll("channel-phone", "channel-email", "channel-chat", "channel-social");
        icon.getStyleClass().add(styleClass(channel));
    }
}
