package dev.switchboard.channels.social;

/** The social platforms the product speaks to, with the name an agent sees. */
public enum Platform {
    MESSENGER("Messenger"),
    WHATSAPP("WhatsApp");

    private final String displayName;

    Platform(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
