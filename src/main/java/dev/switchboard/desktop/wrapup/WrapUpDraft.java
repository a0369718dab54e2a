package dev.switchboard.desktop.wrapup;

import dev.switchboard.api.CodeView;
import dev.switchboard.api.TicketView;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.util.List;

/** What the agent has entered so far for one contact's wrap-up, kept while they look at another tab. */
record WrapUpDraft(CodeView disposition, String notes, TicketMode mode, List<TicketView> tickets, TicketView ticket,
                   TicketStatus status, TicketPriority priority, String ticketNote, String newSubject,
                   TicketPriority newPriority, Boolean addressed) {

    static WrapUpDraft fresh(List<TicketView> tickets) {
        return new WrapUpDraft(null, "", TicketMode.NONE, tickets, null, null, null, "", "", TicketPriority.NORMAL,
                null);
    }
}
