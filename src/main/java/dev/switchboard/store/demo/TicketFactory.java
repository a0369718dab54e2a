package dev.switchboard.store.demo;

import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import dev.switchboard.store.demo.Activity.NoteRow;
import dev.switchboard.store.demo.Activity.TicketRow;
import dev.switchboard.store.demo.DemoCase.Step;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tickets for the cases chosen to have one: linked to the case's answered interactions, open or
 * pending when the case is recent and unresolved, otherwise solved or closed, with a few notes by
 * the agents who worked on them.
 */
final class TicketFactory {
    /** Solved tickets close automatically after this long without activity. */
    private static final long CLOSE_AFTER = 4 * 86_400L;
    private static final Weighted<TicketPriority> PRIORITIES = Weighted.of(List.of(TicketPriority.values()),
            List.of(15, 55, 22, 8));
    private static final Weighted<Integer> NOTE_COUNTS = Weighted.of(List.of(0, 1, 2, 3), List.of(25, 35, 25, 15));

    private final Texts texts;
    private final List<String> authors;
    private final long now;

    /** @param authors names of the agents who write notes (the notes carry no agent id) */
    TicketFactory(Texts texts, List<String> authors, Instant now) {
        this.texts = texts;
        this.authors = List.copyOf(authors);
        this.now = now.getEpochSecond();
    }

    /** Tickets and notes for {@code cases}, whose interactions already have ids; adds to the lists. */
    void tickets(long customerId, Segment segment, List<DemoCase> cases, IdSequence ticketIds, IdSequence noteIds,
                 SplittableRandom r, List<TicketRow> tickets, List<NoteRow> notes) {
        for (DemoCase c : cases) {
            if (!c.ticketed) {
                continue;
            }
            List<Step> linked = c.steps.stream().filter(s -> s.state != InteractionState.ABANDONED).toList();
            if (linked.isEmpty()) {
                continue;
            }
            Step first = linked.get(0);
            long created = first.answered == Activity.NO_TIME ? first.created : first.answered;
            long lastActivity = linked.get(linked.size() - 1).ended;
            TicketStatus status;
            long updated;
            if (c.open) {
                status = r.nextInt(100) < 65 ? TicketStatus.OPEN : TicketStatus.PENDING;
                updated = Math.min(now, lastActivity + r.nextInt(36 * 3600));
            } else {
                updated = Math.min(now, lastActivity + 600 + r.nextInt(5 * 86_400));
                status = updated > now - CLOSE_AFTER ? TicketStatus.SOLVED : TicketStatus.CLOSED;
            }
            long id = ticketIds.next();
            tickets.add(new TicketRow(id, customerId, texts.ticketSubject(c.topic, c.values, r), status,
                    priority(c, segment, r), created, updated, linked.stream().map(s -> s.id).toList()));
            int count = NOTE_COUNTS.pick(r);
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                times[i] = created + (long) (r.nextDouble() * (updated - created));
            }
            Arrays.sort(times);
            for (long at : times) {
                notes.add(new NoteRow(noteIds.next(), id, authors.get(r.nextInt(authors.size())),
                        texts.note(c.topic, c.values, r), at));
            }
        }
    }

    private static TicketPriority priority(DemoCase c, Segment segment, SplittableRandom r) {
        TicketPriority p = PRIORITIES.pick(r);
        if (segment == Segment.PLATINUM || segment == Segment.GOLD) {
            // Valuable customers' tickets are raised a notch more often.
            p = max(p, PRIORITIES.pick(r));
        }
        if ("complaint".equals(c.topic.name())) {
            p = max(p, TicketPriority.HIGH);
        }
        return p;
    }

    private static TicketPriority max(TicketPriority a, TicketPriority b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** A fixed crew of note authors drawn from all cultures, the same for the same seed. */
    static List<String> authors(DemoWorld world, long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<String> out = new ArrayList<>(count);
        while (out.size() < count) {
            Culture c = CustomerFactory.pick(world.cultures, r);
            String name = CustomerFactory.pick(c.firstNames(), r).display() + " "
                    + CustomerFactory.pick(c.lastNames(), r).display();
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
