package dev.switchboard.api;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;

/**
 * A contact handed to the server by a channel (or a test): where it came from, what it says, and
 * optionally the queue it asks for (by id; otherwise the channel's default queue) and a priority
 * bump. {@code direction} defaults to INBOUND.
 */
public record IngestRequest(Channel channel, Direction direction, String address, String subject,
                            String body, Long queueId, Integer priority) {
    public IngestRequest(Channel channel, Direction direction, String address, String subject, String body) {
        this(channel, direction, address, subject, body, null, null);
    }
}
