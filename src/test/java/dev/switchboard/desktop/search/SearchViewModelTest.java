package dev.switchboard.desktop.search;

import dev.switchboard.api.EventTypes;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.card.CardViewModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchViewModelTest {

    @Test
    void findsCustomersAndOpensTheCard() {
        Harness h = Harness.inline();
        SearchViewModel search = h.w.search();
        search.queryProperty().set("  babbage ");
        search.search();

        assertThat(h.api.calls).contains("search babbage");
        assertThat(search.activeProperty().get()).isTrue();
        assertThat(search.results()).extracting(c -> c.displayName())
                .containsExactly("Charles Babbage", "Georgiana Babbage");
        assertThat(search.summaryProperty().get()).isEqualTo("2 results for “babbage”");
        assertThat(search.messageProperty().get()).isEmpty();

        search.open(search.results().get(0));

        CardViewModel card = h.w.card();
        assertThat(card.modeProperty().get()).isEqualTo(CardViewModel.Mode.CUSTOMER);
        assertThat(card.identity().nameProperty().get()).isEqualTo("Charles Babbage");
        assertThat(card.contactProperty().get()).as("no contact bar for a searched customer").isNull();
        assertThat(card.tickets().rows()).hasSize(1);
        assertThat(card.timeline().entries()).hasSize(4);
    }

    @Test
    void anEmptyResultSaysSo() {
        Harness h = Harness.inline();
        SearchViewModel search = h.w.search();
        search.queryProperty().set("zebra");
        search.search();
        assertThat(search.results()).isEmpty();
        assertThat(search.messageProperty().get()).startsWith("No customer matches “zebra”");
        assertThat(search.summaryProperty().get()).isEqualTo("No results for “zebra”");
        assertThat(search.failedProperty().get()).isFalse();
    }

    @Test
    void aBlankQueryExplainsWhatToType() {
        Harness h = Harness.inline();
        h.w.search().search();
        assertThat(h.api.calls).isEmpty();
        assertThat(h.w.search().messageProperty().get()).startsWith("Type a name");
    }

    @Test
    void aFailedSearchShowsTheServersReason() {
        Harness h = Harness.inline();
        h.api.failSearch = true;
        h.w.search().queryProperty().set("ada");
        h.w.search().search();
        assertThat(h.w.search().failedProperty().get()).isTrue();
        assertThat(h.w.search().messageProperty().get()).isEqualTo("Search is unavailable right now.");
    }

    @Test
    void anIncomingOfferClosesTheResultsAndPops() {
        Harness h = Harness.inline();
        h.w.search().queryProperty().set("grace");
        h.w.search().search();
        h.w.search().open(h.w.search().results().get(0));
        assertThat(h.w.card().identity().nameProperty().get()).isEqualTo("Grace Hopper");

        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));

        assertThat(h.w.search().activeProperty().get()).isFalse();
        assertThat(h.w.card().identity().nameProperty().get()).isEqualTo("Ada Lovelace");
        assertThat(h.w.search().queryProperty().get()).as("the query is kept").isEqualTo("grace");
    }
}
