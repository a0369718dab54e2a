package dev.switchboard.store.demo;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.util.List;

/**
 * One customer's history as rows ready to insert. Times are epoch seconds (the generator works in
 * whole seconds); {@link #NO_TIME} stands for SQL NULL.
 */
record Activity(List<InteractionRow> interactions, List<TicketRow> tickets, List<NoteRow> notes) {
    static final long NO_TIME = Long.MIN_VALUE;

    /** @param agentId null when nobody answered or no agents were given */
    record InteractionRow(long id, long customerId, Channel channel, Direction direction, InteractionState state,
                          String address, String subject, String body, long createdAt, long answeredAt,
                          long endedAt, Long agentId) {
    }

    record TicketRow(long id, long customerId, String subject, TicketStatus status, TicketPriority priority,
                     long createdAt, long updatedAt, List<Long> interactionIds) {
    }

    record NoteRow(long id, long ticketId, String authorName, String body, long createdAt) {
    }
}
