package dev.switchboard.desktop.wrapup;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.WrapUpTicket;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.Urgency;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WrapUpViewModelTest {

    /** Ada's call, accepted and ended: in wrap-up, from a queue that may require a disposition. */
    private static Harness endedCall(boolean required) {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFrom(h.api, 501, Fixtures.ADA, Channel.PHONE,
                Fixtures.ADA_PHONE, "Billing question", null,
                Fixtures.routing(Fixtures.BILLING, "Billing", required)));
        h.w.contacts().accept();
        h.w.contacts().end();
        return h;
    }

    private static WrapUpRequest sent(Harness h) {
        assertThat(h.api.wrapUps).hasSize(1);
        Map.Entry<Long, WrapUpRequest> only = h.api.wrapUps.get(0);
        assertThat(only.getKey()).isEqualTo(501L);
        return only.getValue();
    }

    @Test
    void theWrapUpOfTheSelectedContactCountsDownToItsDeadline() {
        Harness h = endedCall(false);
        WrapUpViewModel w = h.w.wrapUp();
        assertThat(w.activeProperty().get()).isTrue();
        assertThat(w.contactProperty().get().interactionId()).isEqualTo(501L);
        assertThat(w.countdownProperty().get()).isEqualTo("1:00");
        assertThat(w.captionProperty().get()).isEqualTo("left, then it closes by itself");
        assertThat(w.urgencyProperty().get()).isEqualTo(Urgency.NORMAL);

        w.tick(Fixtures.NOW.plusSeconds(35));
        assertThat(w.countdownProperty().get()).isEqualTo("0:25");
        assertThat(w.urgencyProperty().get()).isEqualTo(Urgency.WARNING);
        w.tick(Fixtures.NOW.plusSeconds(52));
        assertThat(w.urgencyProperty().get()).isEqualTo(Urgency.DANGER);
        w.tick(Fixtures.NOW.plusSeconds(61));
        assertThat(w.countdownProperty().get()).isEqualTo("0:00");
        assertThat(w.captionProperty().get()).isEqualTo("closing…");
        assertThat(w.overdueProperty().get()).isFalse();
    }

    @Test
    void aRequiredWrapUpGoesOverdueInsteadOfClosing() {
        Harness h = endedCall(true);
        WrapUpViewModel w = h.w.wrapUp();
        assertThat(w.requiredProperty().get()).isTrue();
        assertThat(w.captionProperty().get()).isEqualTo("left · disposition required");

        w.tick(Fixtures.NOW.plusSeconds(75));
        assertThat(w.overdueProperty().get()).isTrue();
        assertThat(w.countdownProperty().get()).isEqualTo("0:15");
        assertThat(w.captionProperty().get()).isEqualTo("overdue · disposition required");
        assertThat(w.urgencyProperty().get()).isEqualTo(Urgency.DANGER);

        h.w.contacts().tick(Fixtures.NOW.plusSeconds(75));
        assertThat(h.w.contacts().tabs().get(0).timerProperty().get()).as("the tab says so too")
                .isEqualTo("+0:15 over");
    }

    @Test
    void oneKeyPicksADispositionAndSubmittingClosesTheTab() {
        Harness h = endedCall(true);
        WrapUpViewModel w = h.w.wrapUp();
        assertThat(w.dispositions()).extracting(d -> d.label()).startsWith("Resolved", "Follow-up needed");

        assertThat(w.chooseDisposition(2)).isTrue();
        assertThat(w.dispositionProperty().get().code()).isEqualTo("FOLLOW_UP");
        assertThat(w.chooseDisposition(9)).as("only five are configured").isFalse();
        w.notesProperty().set("  Refund promised by Friday.  ");
        w.submit();

        WrapUpRequest request = sent(h);
        assertThat(request.disposition()).isEqualTo("FOLLOW_UP");
        assertThat(request.notes()).isEqualTo("Refund promised by Friday.");
        assertThat(request.ticket()).isNull();
        assertThat(h.w.contacts().tabs()).as("the tab closes").isEmpty();
        assertThat(h.w.contacts().items()).isEmpty();
        assertThat(w.activeProperty().get()).isFalse();
    }

    @Test
    void aRequiredDispositionIsAskedForNextToItsField() {
        Harness h = endedCall(true);
        WrapUpViewModel w = h.w.wrapUp();
        w.submit();
        assertThat(w.dispositionErrorProperty().get()).isEqualTo("Choose a disposition: press its number.");
        assertThat(h.api.wrapUps).isEmpty();

        w.chooseDisposition(1);
        assertThat(w.dispositionErrorProperty().get()).isEmpty();
    }

    @Test
    void theServersRefusalIsShownNextToTheFieldItNames() {
        Harness h = endedCall(false);
        h.api.dispositionRequired.add(501L); // the server knows better than the routing the desktop saw
        WrapUpViewModel w = h.w.wrapUp();
        w.submit();
        assertThat(w.dispositionErrorProperty().get()).isEqualTo("This queue needs a disposition.");
        assertThat(w.errorProperty().get()).isEmpty();

        w.chooseDisposition(1);
        w.notesProperty().set("x".repeat(201));
        w.submit();
        assertThat(w.notesErrorProperty().get()).isEqualTo("Notes are limited to 200 characters.");
        assertThat(w.dispositionErrorProperty().get()).isEmpty();
        assertThat(h.w.contacts().tabs()).as("still open").hasSize(1);
    }

    @Test
    void anOpenTicketOfTheCustomerIsUpdatedInTheSameRequest() {
        Harness h = endedCall(false);
        WrapUpViewModel w = h.w.wrapUp();
        assertThat(w.canTicketProperty().get()).isTrue();
        assertThat(w.tickets()).extracting(t -> t.id()).contains(5012L, 4870L);

        w.ticketModeProperty().set(TicketMode.UPDATE);
        w.submit();
        assertThat(w.ticketErrorProperty().get()).isEqualTo("Choose the ticket to update.");

        w.ticketProperty().set(w.tickets().stream().filter(t -> t.id() == 5012L).findFirst().orElseThrow());
        assertThat(w.ticketStatusProperty().get()).isEqualTo(TicketStatus.OPEN);
        assertThat(w.ticketPriorityProperty().get()).isEqualTo(TicketPriority.URGENT);
        w.ticketStatusProperty().set(TicketStatus.SOLVED);
        w.ticketNoteProperty().set("Refunded the second charge.");
        w.chooseDisposition(1);
        w.submit();

        WrapUpTicket ticket = sent(h).ticket();
        assertThat(ticket).isEqualTo(new WrapUpTicket(5012L, null, TicketPriority.URGENT, TicketStatus.SOLVED,
                "Refunded the second charge."));
    }

    @Test
    void solvingAComplaintInWrapUpAsksWhetherTheReplyAddressedIt() {
        Harness h = Harness.inline();
        TicketView base = Fixtures.ticket(5100, Fixtures.ADA, "Engineer never came", TicketPriority.HIGH,
                TicketStatus.OPEN, 3);
        TicketView complaint = new TicketView(base.id(), base.customerId(), base.subject(), base.status(),
                base.priority(), base.createdAt(), base.updatedAt(), base.version(), List.of(), List.of(), null, null,
                new dev.switchboard.api.CaseView(dev.switchboard.domain.TicketKind.COMPLAINT, null, null,
                        dev.switchboard.domain.Severity.MAJOR, "Field service", "Missed appointment", null, null, null,
                        List.of(), List.of(), List.of()));
        h.api.tickets.put(Fixtures.ADA, List.of(complaint));
        h.api.emit(EventTypes.OFFER, Fixtures.offerFrom(h.api, 501, Fixtures.ADA, Channel.PHONE,
                Fixtures.ADA_PHONE, "Billing question", null, Fixtures.routing(Fixtures.BILLING, "Billing", false)));
        h.w.contacts().accept();
        h.w.contacts().end();
        WrapUpViewModel w = h.w.wrapUp();

        w.ticketModeProperty().set(TicketMode.UPDATE);
        w.ticketProperty().set(w.tickets().get(0));
        assertThat(w.closingQuestionProperty().get()).isFalse(); // still open: nothing to ask
        w.ticketStatusProperty().set(TicketStatus.SOLVED);
        assertThat(w.closingQuestionProperty().get()).isTrue();
        w.submit();
        assertThat(w.ticketErrorProperty().get())
                .isEqualTo("Say whether the reply addressed the complaint the customer raised.");
        assertThat(h.api.wrapUps).isEmpty();

        w.addressedProperty().set(false);
        w.submit();
        assertThat(sent(h).ticket()).isEqualTo(new WrapUpTicket(5100L, null, TicketPriority.HIGH, TicketStatus.SOLVED,
                null, false));
    }

    @Test
    void aNewTicketNeedsASubject() {
        Harness h = endedCall(false);
        WrapUpViewModel w = h.w.wrapUp();
        w.ticketModeProperty().set(TicketMode.NEW);
        w.submit();
        assertThat(w.ticketErrorProperty().get()).isEqualTo("Give the new ticket a subject.");

        w.newSubjectProperty().set("Engineer visit for the router");
        w.newPriorityProperty().set(TicketPriority.HIGH);
        w.submit();
        assertThat(sent(h).ticket()).isEqualTo(new WrapUpTicket(null, "Engineer visit for the router",
                TicketPriority.HIGH, null, null));
    }

    @Test
    void anUnknownCallerCannotHaveATicket() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(h.api, 601));
        h.w.contacts().accept();
        h.w.contacts().end();
        assertThat(h.w.wrapUp().activeProperty().get()).isTrue();
        assertThat(h.w.wrapUp().canTicketProperty().get()).isFalse();
    }

    @Test
    void theServerEndingTheWrapUpClosesTheTab() {
        Harness h = endedCall(false);
        InteractionView ended = h.api.wrapUp(501, new WrapUpRequest(null, null, null));
        h.api.emit(EventTypes.INTERACTION, new InteractionEvent(ended));

        assertThat(h.w.contacts().tabs()).isEmpty();
        assertThat(h.w.wrapUp().activeProperty().get()).isFalse();
        assertThat(h.w.card().contactProperty().get()).isNull();
    }

    @Test
    void eachContactKeepsItsOwnDraftWhileTheAgentLooksElsewhere() {
        Harness h = endedCall(false);
        WrapUpViewModel w = h.w.wrapUp();
        w.chooseDisposition(3);
        w.notesProperty().set("Escalated to second line.");

        h.api.emit(EventTypes.OFFER, Fixtures.offerFrom(h.api, 802, Fixtures.GRACE, Channel.CHAT,
                "grace@compilers.example", null, "Hello", null));
        h.w.contacts().accept();
        assertThat(w.activeProperty().get()).as("the chat is active, not in wrap-up").isFalse();
        h.w.contacts().end();
        assertThat(w.contactProperty().get().interactionId()).isEqualTo(802L);
        assertThat(w.dispositionProperty().get()).isNull();
        assertThat(w.notesProperty().get()).isEmpty();

        h.w.tabs().selectNumber(1);
        ContactItem first = w.contactProperty().get();
        assertThat(first.interactionId()).isEqualTo(501L);
        assertThat(w.dispositionProperty().get().code()).isEqualTo("ESCALATED");
        assertThat(w.notesProperty().get()).isEqualTo("Escalated to second line.");
    }
}
