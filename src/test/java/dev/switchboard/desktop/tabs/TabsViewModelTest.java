package dev.switchboard.desktop.tabs;

import dev.switchboard.api.EventTypes;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.domain.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TabsViewModelTest {

    /** Two chats and an e-mail, offered and accepted one after the other. */
    static Harness threeAccepted() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFrom(h.api, 801, Fixtures.GRACE, Channel.CHAT,
                "grace@compilers.example", null, "My licence renewal failed", null));
        h.w.contacts().accept();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFrom(h.api, 802, Fixtures.ADA, Channel.CHAT,
                "ada@engines.example", null, "Is my router on its way?", null));
        h.w.contacts().accept();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFrom(h.api, 803, Fixtures.CHARLES, Channel.EMAIL,
                "charles@difference.example", "Warranty claim", "Please see the attached photos.", null));
        h.w.contacts().accept();
        return h;
    }

    private static long selected(Harness h) {
        return h.w.contacts().selectedProperty().get().interactionId();
    }

    @Test
    void everyAcceptedContactGetsATabInTheOrderTaken() {
        Harness h = threeAccepted();
        TabsViewModel tabs = h.w.tabs();
        assertThat(tabs.tabs()).extracting(ContactItem::interactionId).containsExactly(801L, 802L, 803L);
        assertThat(tabs.tabs()).extracting(i -> i.titleProperty().get())
                .containsExactly("Grace Hopper", "Ada Lovelace", "Charles Babbage");
        assertThat(tabs.selectedTabProperty().get().interactionId()).isEqualTo(803L);
        assertThat(h.w.card().customerProperty().get().displayName()).isEqualTo("Charles Babbage");
    }

    @Test
    void theCardFollowsTheSelectedTab() {
        Harness h = threeAccepted();
        TabsViewModel tabs = h.w.tabs();

        assertThat(tabs.selectNumber(1)).isTrue();
        assertThat(h.w.card().customerProperty().get().displayName()).isEqualTo("Grace Hopper");
        assertThat(h.w.card().contactTitleProperty().get()).isEqualTo("Chat · grace@compilers.example");

        tabs.next();
        assertThat(selected(h)).isEqualTo(802L);
        assertThat(h.w.card().customerProperty().get().displayName()).isEqualTo("Ada Lovelace");
        tabs.next();
        tabs.next();
        assertThat(selected(h)).as("round the end").isEqualTo(801L);
        tabs.previous();
        assertThat(selected(h)).isEqualTo(803L);
        assertThat(h.w.card().customerProperty().get().displayName()).isEqualTo("Charles Babbage");
        assertThat(tabs.selectNumber(7)).isFalse();
    }

    @Test
    void anOfferPopsTheCardWithoutATabAndRejectingItReturnsToTheTab() {
        Harness h = threeAccepted();
        h.w.tabs().selectNumber(2);
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(h.api, 901));

        assertThat(selected(h)).isEqualTo(901L);
        assertThat(h.w.tabs().selectedTabProperty().get()).as("an offer has no tab").isNull();
        assertThat(h.w.tabs().tabs()).hasSize(3);

        h.w.contacts().reject();
        assertThat(selected(h)).as("back where the agent was").isEqualTo(802L);
    }

    @Test
    void actionsApplyToTheSelectedContactOnly() {
        Harness h = threeAccepted();
        h.w.tabs().selectNumber(1);
        h.w.contacts().end();
        assertThat(h.api.calls).contains("end 801").doesNotContain("end 802", "end 803");

        h.w.tabs().selectNumber(1);
        assertThat(h.w.contacts().canEndProperty().get()).as("already in wrap-up").isFalse();
        h.w.contacts().end();
        assertThat(h.api.calls.stream().filter(c -> c.startsWith("end ")).count()).isEqualTo(1);
    }
}
