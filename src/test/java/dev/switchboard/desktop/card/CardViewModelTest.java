package dev.switchboard.desktop.card;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.TicketEvent;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.QueuedTaskRunner;
import dev.switchboard.desktop.customer.NewCustomerViewModel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CardViewModelTest {

    @Test
    void anOfferDrawsTheCardFromItsScreenPopBeforeAnyServerCall() {
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        Harness h = new Harness(tasks);
        CardViewModel card = h.w.card();
        List<Long> shown = new ArrayList<>();
        card.onPopShown(shown::add);

        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));

        assertThat(h.api.calls).as("nothing asked of the server before drawing").isEmpty();
        assertThat(card.modeProperty().get()).isEqualTo(CardViewModel.Mode.CUSTOMER);
        assertThat(card.identity().nameProperty().get()).isEqualTo("Ada Lovelace");
        assertThat(card.identity().initialsProperty().get()).isEqualTo("AL");
        assertThat(card.identity().detailsProperty().get()).contains("Analytical Engines Ltd").contains("Gold");
        assertThat(card.identity().valueProperty().get()).isEqualTo("Lifetime value 48,250");
        assertThat(card.identity().addressProperty().get()).isEqualTo("12 St James’s Square, London SW1Y 4JH, United Kingdom");
        assertThat(card.identity().contactPoints()).hasSize(4);
        assertThat(card.identity().contactPoints()).filteredOn(ContactPointRow::matched)
                .extracting(ContactPointRow::display).containsExactly("+44 20 7946 0101");
        assertThat(card.contactTitleProperty().get()).isEqualTo("Phone · +44 20 7946 0101");
        assertThat(card.tickets().titleProperty().get()).isEqualTo("Open tickets (5)");
        assertThat(card.tickets().rows()).extracting(TicketRow::number)
                .containsExactly("T-5012", "T-4870", "T-4990", "T-4988", "T-4811");
        assertThat(card.tickets().rows().get(0).age()).isEqualTo("2 d");
        assertThat(card.timeline().entries()).hasSize(20);
        assertThat(card.timeline().entries().get(0).body.get()).endsWith("…");
        assertThat(shown).containsExactly(501L);

        tasks.runAll();

        // the insight is asked for after the pop has drawn, behind the timeline
        assertThat(h.api.calls).containsExactly("timeline 101 null", "customerInsight 101");
        assertThat(card.timeline().entries()).hasSize(TimelineModel.PAGE_SIZE);
        assertThat(card.timeline().hasMoreProperty().get()).isTrue();
        assertThat(card.timeline().entries().get(0).body.get()).doesNotEndWith("…");
    }

    @Test
    void theTimelineLoadsMorePagesAndExpandsARowWithItsFullBody() {
        Harness h = Harness.inline();
        CardViewModel card = h.w.card();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 502));
        TimelineModel timeline = card.timeline();
        assertThat(timeline.entries()).hasSize(20);

        TimelineEntry first = timeline.entries().get(0);
        timeline.toggle(first);
        assertThat(first.expanded.get()).isTrue();
        assertThat(h.api.calls).contains("interaction " + first.id());
        assertThat(first.body.get()).contains("word for word");

        timeline.loadMore();
        assertThat(timeline.entries()).hasSize(27);
        assertThat(timeline.hasMoreProperty().get()).isFalse();
        assertThat(timeline.entries()).extracting(TimelineEntry::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(timeline.entries().get(0).expanded.get()).as("expanded row stays open").isTrue();
    }

    @Test
    void anUnknownCallerOffersANewCustomerFormPrefilledAndSavingLinksTheContact() {
        Harness h = Harness.inline();
        CardViewModel card = h.w.card();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(h.api, 601));

        assertThat(card.modeProperty().get()).isEqualTo(CardViewModel.Mode.UNKNOWN);
        assertThat(card.unknownTitleProperty().get()).isEqualTo("Unknown caller +44 20 7946 0999");

        card.startNewCustomer();
        NewCustomerViewModel form = card.form();
        assertThat(card.modeProperty().get()).isEqualTo(CardViewModel.Mode.NEW_CUSTOMER);
        assertThat(form.addressProperty().get()).isEqualTo("+44 20 7946 0999");
        assertThat(form.kindProperty().get()).isEqualTo(ContactKind.PHONE);
        assertThat(form.interactionId()).isEqualTo(601L);
        assertThat(form.canSaveProperty().get()).isFalse();

        form.firstNameProperty().set("Mary");
        form.lastNameProperty().set("Somerville");
        form.companyProperty().set("Royal Society");
        form.save();

        NewCustomerRequest sent = h.api.created.get(0);
        assertThat(sent.interactionId()).isEqualTo(601L);
        assertThat(sent.firstName()).isEqualTo("Mary");
        assertThat(sent.contactPoints()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(ContactKind.PHONE))
                .satisfies(p -> assertThat(p.value()).isEqualTo("+44 20 7946 0999"));
        assertThat(card.modeProperty().get()).isEqualTo(CardViewModel.Mode.CUSTOMER);
        assertThat(card.identity().nameProperty().get()).isEqualTo("Mary Somerville");
        assertThat(card.identity().contactPoints()).singleElement().satisfies(p -> assertThat(p.matched()).isTrue());
        assertThat(h.w.contacts().items().get(0).titleProperty().get()).isEqualTo("Mary Somerville");
    }

    @Test
    void cancellingTheFormGoesBackToTheUnknownCaller() {
        Harness h = Harness.inline();
        CardViewModel card = h.w.card();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(h.api, 602));
        card.startNewCustomer();
        card.form().cancel();
        assertThat(card.modeProperty().get()).isEqualTo(CardViewModel.Mode.UNKNOWN);
        assertThat(h.api.created).isEmpty();
    }

    @Test
    void severalMatchesListTheCandidatesAndThePickIsLinked() {
        Harness h = Harness.inline();
        CardViewModel card = h.w.card();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromShared(h.api, 701));

        assertThat(card.modeProperty().get()).isEqualTo(CardViewModel.Mode.SEVERAL);
        assertThat(card.severalTitleProperty().get()).isEqualTo("2 customers share +44 20 7946 0555");
        assertThat(card.candidates()).extracting(c -> c.displayName())
                .containsExactly("Charles Babbage", "Georgiana Babbage");

        card.pick(card.candidates().get(0));

        assertThat(h.api.calls).contains("linkCustomer 701 " + Fixtures.CHARLES, "openTickets " + Fixtures.CHARLES);
        assertThat(card.modeProperty().get()).isEqualTo(CardViewModel.Mode.CUSTOMER);
        assertThat(card.identity().nameProperty().get()).isEqualTo("Charles Babbage");
        assertThat(card.tickets().rows()).extracting(TicketRow::subject).containsExactly("Warranty claim for the engine");
        assertThat(card.identity().contactPoints()).filteredOn(ContactPointRow::matched).hasSize(1);
        assertThat(h.w.contacts().items().get(0).customer().id()).isEqualTo(Fixtures.CHARLES);
    }

    @Test
    void aFailedLinkLeavesTheChoiceOpenWithTheServersReason() {
        Harness h = Harness.inline();
        CardViewModel card = h.w.card();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromShared(h.api, 702));
        h.api.interactions.remove(702L);

        card.pick(card.candidates().get(1));

        assertThat(card.modeProperty().get()).isEqualTo(CardViewModel.Mode.SEVERAL);
        assertThat(card.errorProperty().get()).isEqualTo("That contact no longer exists.");
        assertThat(card.busyProperty().get()).isFalse();
    }

    @Test
    void offersForOtherAgentsAreIgnored() {
        Harness h = Harness.inline();
        var offer = Fixtures.offerFromAda(h.api, 503);
        h.api.emit(EventTypes.OFFER, new OfferEvent(503, 99, offer.offeredAt(),
                offer.expiresAt(), offer.pop()));
        assertThat(h.w.contacts().items()).isEmpty();
        assertThat(h.w.card().modeProperty().get()).isEqualTo(CardViewModel.Mode.EMPTY);
    }

    @Test
    void aTicketEventUpdatesTheOpenCard() {
        Harness h = Harness.inline();
        CardViewModel card = h.w.card();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 504));
        var solved = Fixtures.ticket(5012, Fixtures.ADA, "Invoice charged twice in November",
                TicketPriority.URGENT, TicketStatus.SOLVED, 2);
        h.api.emit(EventTypes.TICKET, new TicketEvent(solved));
        assertThat(card.tickets().rows()).extracting(TicketRow::number).doesNotContain("T-5012");
        assertThat(card.tickets().titleProperty().get()).isEqualTo("Open tickets (4)");
    }

    @Test
    void initialsUseFirstAndLastWord() {
        assertThat(IdentityModel.initialsOf("Ada King Lovelace")).isEqualTo("AL");
        assertThat(IdentityModel.initialsOf("Cher")).isEqualTo("C");
        assertThat(IdentityModel.initialsOf(" ")).isEmpty();
    }
}
