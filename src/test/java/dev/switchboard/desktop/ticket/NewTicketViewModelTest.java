package dev.switchboard.desktop.ticket;

import dev.switchboard.api.CaseView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.TicketHistoryView;
import dev.switchboard.api.TicketView;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Harness;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Severity;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewTicketViewModelTest {
    private final Harness h = Harness.inline();
    private final NewTicketViewModel form = h.w.card().newTicket();

    @Test
    void theCardOpensItForItsCustomerLinkedToTheContactInHand() {
        assertThat(h.w.card().startNewTicket()).isFalse();
        assertThat(h.w.notices().messageProperty().get())
                .isEqualTo("Open a customer first: a new ticket is for the customer on the card.");

        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        assertThat(h.w.card().startNewTicket()).isTrue();
        assertThat(form.openProperty().get()).isTrue();
        assertThat(form.titleProperty().get()).isEqualTo("New ticket for Ada Lovelace");
        assertThat(form.linkedProperty().get()).isEqualTo("Linked to this contact (Phone)");
        assertThat(form.kindProperty().get()).isEqualTo(TicketKind.QUESTION);
        assertThat(form.priorityProperty().get()).isEqualTo(TicketPriority.NORMAL);

        form.subjectProperty().set("  Where is my refund? ");
        form.save();
        assertThat(h.api.createdTickets).singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo("Where is my refund?");
            assertThat(r.interactionId()).isEqualTo(501L);
            assertThat(r.kind()).isEqualTo(TicketKind.QUESTION);
            assertThat(r.severity()).isNull();
            assertThat(r.department()).isNull();
            assertThat(r.promisedAt()).isNull();
        });
        assertThat(form.openProperty().get()).isFalse();
        assertThat(h.w.card().tickets().rows()).anyMatch(r -> r.subject().equals("Where is my refund?"));
    }

    @Test
    void aPromiseMustBeATimeOfDayInTheFuture() {
        openComplaint();
        form.promisedDateProperty().set(LocalDate.of(2025, 11, 18));
        assertThat(form.promisedTimeProperty().get()).as("a day alone means the end of the working day")
                .isEqualTo("17:00");
        form.promisedTimeProperty().set("half past four");
        form.save();
        assertThat(form.promisedErrorProperty().get()).isEqualTo("Give the time of day, such as 16:30.");
        form.promisedTimeProperty().set("9:30");
        form.promisedDateProperty().set(LocalDate.of(2025, 11, 14));
        form.save();
        assertThat(form.promisedErrorProperty().get()).isEqualTo("The promised time must be in the future.");
        assertThat(h.api.createdTickets).isEmpty();

        form.promisedTimeProperty().set("16.30");
        form.save();
        assertThat(h.api.createdTickets).singleElement()
                .satisfies(r -> assertThat(r.promisedAt()).isEqualTo(Instant.parse("2025-11-14T16:30:00Z")));
        assertThat(form.acknowledgement().promisedProperty().get()).isEqualTo("Promised by 14 Nov 2025, 16:30");
    }

    @Test
    void aCallbackIsBookedFromTheDesktopsClockInItsZone() {
        Clock paris = Clock.fixed(Instant.parse("2025-11-14T23:30:00Z"), ZoneId.of("Europe/Paris"));
        assertThat(NewTicketViewModel.callbackAt(NewTicketViewModel.Callback.NONE, paris)).isNull();
        assertThat(NewTicketViewModel.callbackAt(NewTicketViewModel.Callback.IN_TWO_HOURS, paris))
                .isEqualTo(Instant.parse("2025-11-15T01:30:00Z"));
        // already the 15th in Paris: tomorrow is the 16th
        assertThat(NewTicketViewModel.callbackAt(NewTicketViewModel.Callback.TOMORROW_MORNING, paris))
                .isEqualTo(Instant.parse("2025-11-16T09:00:00Z"));
        assertThat(NewTicketViewModel.callbackAt(NewTicketViewModel.Callback.IN_TWO_DAYS, paris))
                .isEqualTo(Instant.parse("2025-11-17T09:00:00Z"));
    }

    @Test
    void aFieldTheServerBlamesGetsTheMessageAndTheFormStays() {
        openComplaint();
        form.departmentProperty().set("Billing");
        form.categoryProperty().set("Billing error");
        // as if the check here had passed a complaint without severity: the server's 400 names the field
        form.severityProperty().set(null);
        form.save();
        assertThat(form.severityErrorProperty().get()).isEqualTo("A complaint needs a severity.");
        assertThat(h.api.calls).noneMatch(c -> c.startsWith("createTicket"));
        assertThat(form.openProperty().get()).isTrue();
        assertThat(form.departmentProperty().get()).isEqualTo("Billing");
    }

    @Test
    void aTextChannelsAcknowledgementSaysItWasSent() {
        NewTicketAcknowledgement ack = new NewTicketAcknowledgement(h.messages, new EnumText(h.messages),
                new Formats(h.messages, ZoneId.of("UTC")));
        TicketView sent = complaint(List.of(new TicketHistoryView(Fixtures.NOW, 7L, "Alex Morgan",
                "Acknowledgement sent on email: We have received your complaint (our reference T-77).")));
        assertThat(ack.show(new NewTicketViewModel.For(Fixtures.ADA, "Ada Lovelace", 9L, Channel.EMAIL), sent, true))
                .isTrue();
        assertThat(ack.captionProperty().get()).isEqualTo("Sent to the customer by E-mail (T-77)");
        assertThat(ack.wordsProperty().get()).isEqualTo("We have received your complaint (our reference T-77).");
        assertThat(ack.readOutProperty().get()).isFalse();
        assertThat(ack.promisedProperty().get()).isEqualTo("Promised by 16 Nov 2025, 10:00");

        TicketView failed = complaint(List.of(new TicketHistoryView(Fixtures.NOW, 7L, "Alex Morgan",
                "Acknowledgement could not be sent on chat (gone): tell the customer: We have received it.")));
        ack.show(new NewTicketViewModel.For(Fixtures.ADA, "Ada Lovelace", 9L, Channel.CHAT), failed, true);
        assertThat(ack.captionProperty().get()).isEqualTo("Tell the customer now (T-77)");
        assertThat(ack.wordsProperty().get()).isEqualTo("We have received it.");

        // a copy held offline does not know it is a complaint yet: the agent is still told to acknowledge it
        TicketView held = new TicketView(-3, Fixtures.ADA, "Charged twice", TicketStatus.OPEN, TicketPriority.HIGH,
                Fixtures.NOW, Fixtures.NOW, 0, List.of(9L), List.of(), null, null);
        assertThat(ack.show(new NewTicketViewModel.For(Fixtures.ADA, "Ada Lovelace", 9L, Channel.PHONE), held, false))
                .isFalse();
        assertThat(ack.show(new NewTicketViewModel.For(Fixtures.ADA, "Ada Lovelace", 9L, Channel.PHONE), held, true))
                .isTrue();
        assertThat(ack.captionProperty().get()).startsWith("Complaint T-").endsWith("opened: acknowledge it to the customer");
        assertThat(ack.wordsProperty().get()).isEmpty();
        assertThat(ack.promisedProperty().get()).isEmpty();

        ack.keepOnlyFor(Fixtures.ADA);
        assertThat(ack.shownProperty().get()).isTrue();
        ack.keepOnlyFor(Fixtures.CHARLES);
        assertThat(ack.shownProperty().get()).isFalse();
    }

    private void openComplaint() {
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        h.w.card().startNewTicket();
        form.subjectProperty().set("Engineer never came");
        form.kindProperty().set(TicketKind.COMPLAINT);
        form.severityProperty().set(Severity.MAJOR);
        form.departmentProperty().set("Logistics");
        form.categoryProperty().set("Late delivery");
    }

    private static TicketView complaint(List<TicketHistoryView> history) {
        CaseView file = new CaseView(TicketKind.COMPLAINT, null, null, Severity.MAJOR, "Billing", "Billing error",
                Instant.parse("2025-11-16T10:00:00Z"), null, null, List.of(), List.of(), history);
        return new TicketView(77, Fixtures.ADA, "Charged twice", TicketStatus.OPEN, TicketPriority.HIGH, Fixtures.NOW,
                Fixtures.NOW, 1, List.of(9L), List.of(), null, null, file);
    }
}
