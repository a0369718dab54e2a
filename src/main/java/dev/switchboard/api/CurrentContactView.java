package dev.switchboard.api;

import dev.switchboard.domain.Channel;

/** The contact an agent works on now, as the supervisor's grid shows it: "Voice · Ada Lovelace". */
public record CurrentContactView(long interactionId, Channel channel, String who) {
}
