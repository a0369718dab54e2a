package dev.switchboard.desktop.ticket;

import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TicketEditorViewModelTest {
    private final Harness h = Harness.inline();
    private final TicketEditorViewModel editor = h.w.ticketEditor();
    private final TicketView invoice = Fixtures.adaTickets().get(1);

    @Test
    void saveIsPossibleOnlyOnceSomethingChanged() {
        editor.open(invoice);
        assertThat(editor.titleProperty().get()).isEqualTo("Edit ticket T-5012");
        assertThat(editor.canSaveProperty().get()).isFalse();
        editor.subjectProperty().set("  " + invoice.subject() + " ");
        assertThat(editor.canSaveProperty().get()).isFalse(); // the same subject, only padded
        editor.noteProperty().set("   ");
        assertThat(editor.canSaveProperty().get()).isFalse();
        editor.priorityProperty().set(TicketPriority.LOW);
        assertThat(editor.canSaveProperty().get()).isTrue();
        editor.subjectProperty().set(" ");
        assertThat(editor.canSaveProperty().get()).isFalse(); // a ticket needs a subject
        editor.save();
        assertThat(editor.subjectErrorProperty().get()).isEqualTo("A ticket needs a subject.");
        assertThat(h.api.ticketUpdates).isEmpty();
    }

    @Test
    void onlyTheChangedFieldsAreSentThenTheNote() {
        editor.open(invoice);
        editor.subjectProperty().set("Invoice charged twice");
        editor.statusProperty().set(TicketStatus.SOLVED);
        editor.noteProperty().set(" Refunded. ");
        editor.save();

        assertThat(h.api.ticketUpdates).containsExactly(Map.entry(5012L,
                new TicketUpdateRequest("Invoice charged twice", TicketStatus.SOLVED, null, 1L, null)));
        assertThat(h.api.ticketNotes).containsExactly(Map.entry(5012L, "Refunded."));
        assertThat(h.api.calls).containsSubsequence("updateTicket 5012", "addNote 5012");
        assertThat(editor.openProperty().get()).isFalse();
    }

    @Test
    void aFailedNoteIsRetriedAloneWithoutSendingTheChangeTwice() {
        editor.open(invoice);
        editor.priorityProperty().set(TicketPriority.HIGH);
        editor.noteProperty().set("Escalated.");
        h.api.loseNextNote = true;
        editor.save();

        assertThat(h.api.ticketUpdates).hasSize(1);
        assertThat(h.api.ticketNotes).isEmpty();
        assertThat(editor.errorProperty().get()).contains("does not answer");
        assertThat(editor.openProperty().get()).isTrue();
        assertThat(editor.noteProperty().get()).isEqualTo("Escalated.");
        assertThat(h.w.card().tickets().ticket(5012)).isNull(); // no customer on the card: nothing to show

        editor.save();
        assertThat(h.api.ticketNotes).containsExactly(Map.entry(5012L, "Escalated."));
        assertThat(h.api.ticketUpdates).hasSize(1);
        assertThat(editor.openProperty().get()).isFalse();
    }

    @Test
    void aConflictStillAddsTheNoteAndPointsToTheBanner() {
        h.api.conflictOnUpdate = true;
        editor.open(invoice);
        editor.statusProperty().set(TicketStatus.PENDING);
        editor.noteProperty().set("Waiting for the bank.");
        editor.save();

        assertThat(h.api.ticketUpdates).isEmpty();
        assertThat(h.api.ticketNotes).containsExactly(Map.entry(5012L, "Waiting for the bank."));
        assertThat(editor.openProperty().get()).isFalse();
        assertThat(h.w.notices().messageProperty().get())
                .isEqualTo("A colleague changed this ticket at the same time. Review both sides from the banner.");
    }

    @Test
    void theCaseLineSaysWhoTheTicketIsWith() {
        dev.switchboard.api.CaseView withPriya = new dev.switchboard.api.CaseView(
                dev.switchboard.domain.TicketKind.PROBLEM, null, null, null, null, null, null, null, null,
                java.util.List.of(), java.util.List.of(), java.util.List.of(), 3L, "Priya Raman");
        TicketView escalated = new TicketView(invoice.id(), invoice.customerId(), invoice.subject(), invoice.status(),
                invoice.priority(), invoice.createdAt(), invoice.updatedAt(), invoice.version(), invoice.interactionIds(),
                invoice.notes(), null, null, withPriya);
        h.api.ticketsById.put(escalated.id(), escalated);
        editor.open(escalated);
        assertThat(editor.caseLineProperty().get()).isEqualTo("Problem · assigned to Priya Raman");
    }
}
