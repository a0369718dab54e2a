package dev.switchboard.domain.outbound;

import dev.switchboard.domain.Channel;

import java.util.Objects;

/**
 * One permission a contact gave: to be reached on this channel for this purpose. A campaign on the
 * phone for marketing needs {@code new Consent(PHONE, MARKETING)} on the record, and nothing else
 * stands in for it.
 */
public record Consent(Channel channel, Purpose purpose) {
    public Consent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** Voice calls for the given purpose, the only kind the dialler asks about. */
    public static Consent voice(Purpose purpose) {
        return new Consent(Channel.PHONE, purpose);
    }
}
