package dev.switchboard.domain;

/** The four ways a contact reaches the centre. */
public enum Channel {
    PHONE, EMAIL, CHAT, SOCIAL;

    /** The kind of contact point a channel address is matched against. */
    public ContactKind addressKind() {
        return switch (this) {
            case PHONE -> ContactKind.PHONE;
            case EMAIL, CHAT -> ContactKind.EMAIL;
            case SOCIAL -> ContactKind.SOCIAL;
        };
    }
}
