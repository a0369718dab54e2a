package dev.switchboard.api;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;

/**
 * A contact handed to the server by a channel (or a test): where it came from and what it says.
 * {@code direction} defaults to INBOUND.
 */
public record IngestRequest(Channel channel, Direction direction, String address, String subject,
                            String body) {
}
