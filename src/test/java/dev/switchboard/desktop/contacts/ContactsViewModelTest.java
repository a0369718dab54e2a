package dev.switchboard.desktop.contacts;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.OfferRevokedEvent;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.card.CardViewModel;
import dev.switchboard.domain.InteractionState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ContactsViewModelTest {

    @Test
    void anOfferJoinsTheListSelectedWithItsClocks() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));

        ContactsViewModel contacts = h.w.contacts();
        assertThat(contacts.items()).hasSize(1);
        ContactItem item = contacts.items().get(0);
        assertThat(contacts.selectedProperty().get()).isSameAs(item);
        assertThat(item.titleProperty().get()).isEqualTo("Ada Lovelace");
        assertThat(item.subjectProperty().get()).isEqualTo("Billing question");
        assertThat(item.stateTextProperty().get()).isEqualTo("Offered");
        assertThat(item.timerProperty().get()).isEqualTo("0:02");
        assertThat(item.remainingTextProperty().get()).isEqualTo("28 s left");
        assertThat(contacts.canAcceptProperty().get()).isTrue();
        assertThat(contacts.canEndProperty().get()).isFalse();

        contacts.tick(Fixtures.NOW.plusSeconds(10));
        assertThat(item.timerProperty().get()).isEqualTo("0:12");
        assertThat(item.remainingTextProperty().get()).isEqualTo("18 s left");
        assertThat(item.remainingProperty().get()).isCloseTo(0.6, within(0.01));
    }

    @Test
    void contactsStillActiveFromAnEarlierSignInAreListedAgain() {
        Harness h = Harness.inline();
        var offer = Fixtures.offerFromAda(h.api, 777);
        var v = offer.pop().interaction();
        var active = new dev.switchboard.api.InteractionView(v.id(), v.customerId(), v.channel(), v.direction(),
                InteractionState.ACTIVE, v.address(), v.addressDisplay(), v.subject(), v.body(), v.createdAt(),
                v.createdAt().plusSeconds(5), null, 7L, v.routing());
        var pop = new dev.switchboard.api.ScreenPop(active, offer.pop().match(), offer.pop().customer(),
                offer.pop().candidates(), offer.pop().openTickets(), offer.pop().recent());

        ContactsViewModel contacts = h.w.contacts();
        contacts.restore(java.util.List.of(pop));
        contacts.restore(java.util.List.of(pop));

        assertThat(contacts.items()).hasSize(1);
        ContactItem item = contacts.items().get(0);
        assertThat(item.state()).isEqualTo(InteractionState.ACTIVE);
        assertThat(item.titleProperty().get()).isEqualTo("Ada Lovelace");
        assertThat(contacts.selectedProperty().get()).isSameAs(item);
        assertThat(contacts.canEndProperty().get()).isTrue();

        h.api.active.add(pop);
        h.w.contacts().restoreActiveWork();
        assertThat(h.api.calls).contains("activeWork");
        assertThat(contacts.items()).hasSize(1);
    }

    @Test
    void acceptThenEnd() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        ContactsViewModel contacts = h.w.contacts();
        ContactItem item = contacts.items().get(0);

        contacts.accept();
        assertThat(h.api.calls).contains("accept 501");
        assertThat(item.state()).isEqualTo(InteractionState.ACTIVE);
        assertThat(item.stateTextProperty().get()).isEqualTo("Active");
        assertThat(contacts.canAcceptProperty().get()).isFalse();
        assertThat(contacts.canEndProperty().get()).isTrue();

        contacts.end();
        assertThat(h.api.calls).contains("end 501");
        assertThat(contacts.items()).as("it stays, in wrap-up").containsExactly(item);
        assertThat(item.state()).isEqualTo(InteractionState.WRAP_UP);
        assertThat(contacts.tabs()).containsExactly(item);
        assertThat(contacts.canEndProperty().get()).isFalse();
        assertThat(h.w.card().modeProperty().get()).as("the card stays for wrap-up").isEqualTo(CardViewModel.Mode.CUSTOMER);
        assertThat(h.w.card().contactStateProperty().get()).isEqualTo(InteractionState.WRAP_UP);
        assertThat(item.timerProperty().get()).as("wrap-up counts down").isEqualTo("1:00");
    }

    @Test
    void rejectRemovesTheOfferWithoutANotice() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        h.w.contacts().reject();
        h.api.emit(EventTypes.OFFER_REVOKED, new OfferRevokedEvent(501, 7, "rejected"));
        assertThat(h.api.calls).contains("reject 501");
        assertThat(h.w.contacts().items()).isEmpty();
        assertThat(h.w.notices().messageProperty().get()).isEmpty();
        assertThat(h.w.card().modeProperty().get()).isEqualTo(CardViewModel.Mode.EMPTY);
    }

    @Test
    void aRevokedOfferLeavesWithAShortMessage() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        h.api.emit(EventTypes.OFFER_REVOKED, new OfferRevokedEvent(501, 7, "timeout"));

        assertThat(h.w.contacts().items()).isEmpty();
        assertThat(h.w.notices().messageProperty().get()).isEqualTo("Offer from Ada Lovelace withdrawn: it timed out.");
        assertThat(h.w.card().modeProperty().get()).isEqualTo(CardViewModel.Mode.EMPTY);

        h.w.main().tick(Fixtures.NOW.plusSeconds(60));
        assertThat(h.w.notices().messageProperty().get()).as("the notice clears itself").isEmpty();
    }

    @Test
    void revokedBecauseAnotherAgentTookIt() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(h.api, 601));
        h.api.emit(EventTypes.OFFER_REVOKED, new OfferRevokedEvent(601, 7, "taken"));
        assertThat(h.w.notices().messageProperty().get())
                .isEqualTo("Offer from +44 20 7946 0999 withdrawn: another agent took it.");
    }

    @Test
    void interactionEventsMoveTheContactAlong() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(h.api, 601));
        assertThat(h.w.contacts().items()).extracting(ContactItem::interactionId).containsExactly(601L, 501L);

        h.api.emit(EventTypes.INTERACTION, new InteractionEvent(h.api.accept(501)));
        assertThat(h.w.contacts().items().get(1).state()).isEqualTo(InteractionState.ACTIVE);

        h.api.emit(EventTypes.INTERACTION, new InteractionEvent(h.api.end(501)));
        assertThat(h.w.contacts().items().get(1).state()).isEqualTo(InteractionState.WRAP_UP);

        h.api.emit(EventTypes.INTERACTION, new InteractionEvent(h.api.wrapUp(501,
                new dev.switchboard.api.WrapUpRequest(null, null, null))));
        assertThat(h.w.contacts().items()).extracting(ContactItem::interactionId).containsExactly(601L);
    }

    @Test
    void acceptPrefersTheSelectedOfferOtherwiseTheOldest() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(h.api, 601));
        h.w.contacts().selectedProperty().set(null);
        h.w.contacts().accept();
        assertThat(h.api.calls).contains("accept 501").doesNotContain("accept 601");
    }

    @Test
    void aFailedAcceptIsShownAndTheOfferStays() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        h.api.interactions.remove(501L);
        h.w.contacts().accept();
        assertThat(h.w.contacts().items()).hasSize(1);
        assertThat(h.w.notices().messageProperty().get()).startsWith("Something went wrong");
        assertThat(h.w.contacts().canAcceptProperty().get()).isTrue();
    }
}
