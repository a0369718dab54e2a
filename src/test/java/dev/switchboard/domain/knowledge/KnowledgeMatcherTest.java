package dev.switchboard.domain.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeMatcherTest {
    private static final KnowledgeMatcher.Entry REFUNDS = new KnowledgeMatcher.Entry("refunds", "Refunds and returns",
            "Money goes back to the card that paid.", List.of("refund", "faulty"), 2L);
    private static final KnowledgeMatcher.Entry DELIVERY = new KnowledgeMatcher.Entry("delivery", "Late deliveries",
            "Check the tracking number; a refund after 7 days.", List.of("parcel", "courier"), null);
    private static final KnowledgeMatcher.Entry ROUTER = new KnowledgeMatcher.Entry("router", "Router will not connect",
            "Restart it.", List.of("internet"), 3L);

    @Test
    void wordsAreFoldedCountedOnceAndCommonOnesLeftOut() {
        assertThat(KnowledgeMatcher.words("RE: Where is my Délivery?? Order 12345 — where is it")).containsExactly(
                "delivery", "order");
        assertThat(KnowledgeMatcher.words(null)).isEmpty();
        assertThat(KnowledgeMatcher.words("the and for")).isEmpty();
    }

    @Test
    void keywordsCountMostThenTitleThenBodyAndTheQueueOnlyAddsToAMatch() {
        List<KnowledgeMatcher.Match> found = KnowledgeMatcher.match("refund for a late parcel", 2L,
                List.of(DELIVERY, REFUNDS, ROUTER), 10);
        // refunds: "refund" keyword 3, + queue 2 = 5; delivery: "refund" body 1, "late" title 2, "parcel" keyword 3 = 6
        assertThat(found).extracting(m -> m.entry().key()).containsExactly("delivery", "refunds");
        assertThat(found).extracting(KnowledgeMatcher.Match::score).containsExactly(6, 5);
        assertThat(found.get(0).matchedWords()).containsExactly("refund", "late", "parcel");
        assertThat(found.get(1).sameQueue()).isTrue();
        assertThat(KnowledgeMatcher.match("nothing relevant here", 3L, List.of(ROUTER), 10)).isEmpty();
    }

    @Test
    void pluralsAndPastTensesMeetTheirStem() {
        assertThat(KnowledgeMatcher.match("refunds", null, List.of(REFUNDS), 10)).hasSize(1);
        assertThat(KnowledgeMatcher.match("deliveries", null, List.of(new KnowledgeMatcher.Entry("d", "Delivery", "", List.of(), null)), 10))
                .hasSize(1);
        assertThat(KnowledgeMatcher.match("I was charged twice", null,
                List.of(new KnowledgeMatcher.Entry("c", "Charges", "", List.of(), null)), 10)).hasSize(1);
        assertThat(KnowledgeMatcher.stem("bus")).isEqualTo("bus");
    }

    @Test
    void theBestComeFirstUpToTheLimitWithTiesByTitle() {
        KnowledgeMatcher.Entry a = new KnowledgeMatcher.Entry("a", "B internet", "", List.of(), null);
        KnowledgeMatcher.Entry b = new KnowledgeMatcher.Entry("b", "A internet", "", List.of(), null);
        assertThat(KnowledgeMatcher.match("internet", null, List.of(a, b, ROUTER), 2))
                .extracting(m -> m.entry().key()).containsExactly("router", "b");
    }

    @Test
    void aSuggestionNeedsMoreThanOneWordInPassing() {
        KnowledgeMatcher.Entry address = new KnowledgeMatcher.Entry("address", "Changing an address",
                "Orders already shipped go to the old address.", List.of("moving"), null);
        assertThat(KnowledgeMatcher.match("Where is my order?", null, List.of(address, DELIVERY), 10, 2)).isEmpty();
        assertThat(KnowledgeMatcher.match("Where is my order?", null, List.of(address), 10, 1)).hasSize(1);
        assertThat(KnowledgeMatcher.match("Late order", null, List.of(address, DELIVERY), 10, 2))
                .extracting(m -> m.entry().key()).containsExactly("delivery");
    }
}
