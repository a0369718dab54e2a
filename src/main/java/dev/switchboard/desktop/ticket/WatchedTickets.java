package dev.switchboard.desktop.ticket;

import dev.switchboard.api.TicketHistoryView;
import dev.switchboard.api.TicketView;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the agent when a colleague changes a ticket they watch: the ticket's number and what its
 * history says happened. Changes the agent made themselves, and tickets they do not watch, are quiet.
 */
public final class WatchedTickets {
    private final Messages messages;
    private final NoticeBoard notices;
    private final Long me;
    /** The history length last seen per watched ticket, so each change is told once. */
    private final Map<Long, Integer> seen = new ConcurrentHashMap<>();

    public WatchedTickets(Messages messages, NoticeBoard notices, Long me) {
        this.messages = messages;
        this.notices = notices;
        this.me = me;
    }

    /** A ticket as an event brought it. */
    public void changed(TicketView t) {
        if (me == null || t == null || !t.caseFile().watcherIds().contains(me)) {
            seen.remove(t == null ? -1L : t.id());
            return;
        }
        List<TicketHistoryView> history = t.caseFile().history();
        int before = seen.getOrDefault(t.id(), -1);
        seen.put(t.id(), history.size());
        if (before < 0 || history.size() <= before) {
            return; // first sight of it (the agent just started watching), or nothing new
        }
        List<TicketHistoryView> fresh = history.subList(before, history.size()).stream()
                .filter(h -> h.actorId() == null || !h.actorId().equals(me)).toList();
        if (!fresh.isEmpty()) {
            TicketHistoryView last = fresh.get(fresh.size() - 1);
            notices.post(messages.format("ticket.watch.changed", messages.format("ticket.number", t.id()),
                    last.actorName() == null || last.actorName().isBlank() ? messages.get("ticket.watch.system")
                            : last.actorName(), last.what()));
        }
    }
}
