package dev.switchboard.client;

import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ticket change the server refused (409) because a colleague changed the ticket since the agent
 * read it, and both changed the same field. Fields only one side changed are already merged in
 * {@code merged}; {@code fields} lists the ones the agent has to choose.
 *
 * @param id       this conflict's number (stable until resolved)
 * @param ticketId the ticket
 * @param base     the ticket as the agent saw it when they made their change
 * @param theirs   the ticket as the server has it now
 * @param mine     the agent's change as they made it
 * @param fields   the fields both sides changed, differently
 * @param merged   the fields only one side changed, against {@code theirs.version()}
 */
public record TicketConflict(long id, long ticketId, TicketView base, TicketView theirs, TicketUpdateRequest mine,
                             List<Field> fields, TicketUpdateRequest merged) {

    /** The fields of a ticket an agent edits. */
    public enum Field { SUBJECT, STATUS, PRIORITY }

    /** Whose value a conflicting field keeps. */
    public enum Side { MINE, THEIRS }

    public TicketConflict {
        fields = List.copyOf(fields);
    }

    /** The field's value as the agent left it. */
    public Object mineValue(Field f) {
        return switch (f) {
            case SUBJECT -> mine.subject();
            case STATUS -> mine.status();
            case PRIORITY -> mine.priority();
        };
    }

    /** The field's value as the colleague left it (the server's now). */
    public Object theirsValue(Field f) {
        return value(theirs, f);
    }

    /** The field's value before either change (null when the desktop did not keep it). */
    public Object baseValue(Field f) {
        return base == null ? null : value(base, f);
    }

    /**
     * The update to send: the merged fields, plus for each conflicting field the side chosen (a field
     * not in {@code choices} keeps theirs), against the server's current version. Null when nothing is
     * left to change.
     */
    public TicketUpdateRequest resolve(Map<Field, Side> choices) {
        String subject = merged.subject();
        TicketStatus status = merged.status();
        TicketPriority priority = merged.priority();
        for (Field f : fields) {
            if (choices.get(f) != Side.MINE) {
                continue;
            }
            switch (f) {
                case SUBJECT -> subject = mine.subject();
                case STATUS -> status = mine.status();
                case PRIORITY -> priority = mine.priority();
            }
        }
        if (subject == null && status == null && priority == null && merged.linkInteractionId() == null) {
            return null;
        }
        return new TicketUpdateRequest(subject, status, priority, theirs.version(), merged.linkInteractionId());
    }

    static Object value(TicketView t, Field f) {
        return switch (f) {
            case SUBJECT -> t.subject();
            case STATUS -> t.status();
            case PRIORITY -> t.priority();
        };
    }

    /**
     * Three-way merge of the agent's change against the colleague's. Returns a conflict with
     * {@code fields} empty when everything merged on its own ({@code merged} then is the update to send).
     * Without {@code base} (the ticket as the agent saw it is not known) every field the agent set to
     * something other than the colleague's value is a clash: nothing is overwritten unasked.
     */
    public static TicketConflict merge(long id, TicketView base, TicketView theirs, TicketUpdateRequest mine) {
        List<Field> clashes = new java.util.ArrayList<>();
        String subject = null;
        TicketStatus status = null;
        TicketPriority priority = null;
        for (Field f : Field.values()) {
            Object m = switch (f) {
                case SUBJECT -> mine.subject();
                case STATUS -> mine.status();
                case PRIORITY -> mine.priority();
            };
            if (m == null) {
                continue; // the agent did not touch it
            }
            Object t = value(theirs, f);
            if (base == null) {
                if (!Objects.equals(m, t)) {
                    clashes.add(f);
                }
                continue;
            }
            Object b = value(base, f);
            if (Objects.equals(m, b) || Objects.equals(m, t)) {
                continue; // the agent left it as it was, or both arrived at the same value
            }
            if (!Objects.equals(b, t)) {
                clashes.add(f); // both changed it, differently
                continue;
            }
            switch (f) {
                case SUBJECT -> subject = (String) m;
                case STATUS -> status = (TicketStatus) m;
                case PRIORITY -> priority = (TicketPriority) m;
            }
        }
        TicketUpdateRequest merged = new TicketUpdateRequest(subject, status, priority, theirs.version(),
                mine.linkInteractionId());
        return new TicketConflict(id, theirs.id(), base, theirs, mine, clashes, merged);
    }
}
