package dev.switchboard.store.demo;

import dev.switchboard.domain.value.ChurnSignals;
import dev.switchboard.domain.value.Signal;
import dev.switchboard.store.demo.DemoCustomer.Purchase;
import dev.switchboard.store.demo.PurchaseFactory.Story;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static dev.switchboard.store.demo.DemoDataTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Purchases as the customer card reads them: adding up to the customer's value, with a few stories of leaving. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchaseFactoryTest {
    private static final int CUSTOMERS = 20_000;

    private final PurchaseFactory factory = new PurchaseFactory(NOW.getEpochSecond());
    private final ChurnSignals signals = new ChurnSignals();
    private final List<Drawn> drawn = new ArrayList<>();

    /** One customer with the story drawn for it and the purchases told from it. */
    private record Drawn(DemoCustomer customer, Story story, List<Purchase> purchases) {
    }

    @BeforeAll
    void draw() {
        CustomerFactory customers = new CustomerFactory(DemoWorld.load(), new UsedKeys(), NOW, CUSTOMERS);
        for (long id = 1; id <= CUSTOMERS; id++) {
            DemoCustomer customer = customers.create(id, new SplittableRandom(id));
            SplittableRandom r = new SplittableRandom(-id);
            Story story = factory.story(customer, r);
            drawn.add(new Drawn(customer, story, factory.purchases(customer, story, r)));
        }
    }

    @Test
    void theSameCustomerAndRandomStateGiveTheSamePurchasesAndAnotherStateOthers() {
        for (Drawn d : drawn.subList(0, 500)) {
            long id = d.customer().id();
            assertThat(factory.purchases(d.customer(), new SplittableRandom(7 * id)))
                    .isEqualTo(factory.purchases(d.customer(), new SplittableRandom(7 * id)));
        }
        long differ = drawn.subList(0, 500).stream().filter(d -> !factory.purchases(d.customer(),
                new SplittableRandom(1)).equals(factory.purchases(d.customer(), new SplittableRandom(2)))).count();
        assertThat(differ).isGreaterThan(490);
    }

    @Test
    void everyCustomerBuysAndThePurchasesNetToItsLifetimeValue() {
        for (Drawn d : drawn) {
            assertThat(d.purchases()).as("customer %d", d.customer().id()).isNotEmpty();
            assertThat(d.purchases().stream().mapToLong(Purchase::cents).sum()).as("customer %d", d.customer().id())
                    .isEqualTo(d.customer().lifetimeCents());
        }
        double perCustomer = drawn.stream().mapToInt(d -> d.purchases().size()).average().orElseThrow();
        // Few enough to keep a large demo cheap to load.
        assertThat(perCustomer).isBetween(3.5, 5.0);
        // The valuable customers buy more often, not only for more.
        assertThat(averageCount(Segment.PLATINUM)).isGreaterThan(2 * averageCount(Segment.STANDARD));
    }

    @Test
    void everythingLiesBetweenSignUpAndNowInTimeOrder() {
        for (Drawn d : drawn) {
            List<Purchase> p = d.purchases();
            assertThat(p.get(0).at()).as("customer %d", d.customer().id())
                    .isGreaterThanOrEqualTo(d.customer().createdAt().getEpochSecond());
            assertThat(p.get(p.size() - 1).at()).isLessThanOrEqualTo(NOW.getEpochSecond());
            for (int i = 1; i < p.size(); i++) {
                assertThat(p.get(i).at()).isGreaterThanOrEqualTo(p.get(i - 1).at());
            }
            assertThat(p.get(0).cents()).as("the first is a sale").isPositive();
        }
    }

    @Test
    void aboutThreePercentAreRefundsEachSmallerThanTheLargestSaleBeforeIt() {
        long rows = drawn.stream().mapToLong(d -> d.purchases().size()).sum();
        List<Purchase> refunds = new ArrayList<>();
        for (Drawn d : drawn) {
            long largest = 0;
            for (Purchase p : d.purchases()) {
                if (p.cents() < 0) {
                    assertThat(-p.cents()).as("customer %d", d.customer().id()).isLessThanOrEqualTo(largest);
                    refunds.add(p);
                } else {
                    assertThat(p.cents()).isPositive();
                    largest = Math.max(largest, p.cents());
                }
            }
        }
        assertThat((double) refunds.size() / rows).isBetween(0.02, 0.04);
    }

    @Test
    void theStoriesHaveTheirShares() {
        Map<Story, Long> counts = drawn.stream().collect(Collectors.groupingBy(Drawn::story,
                () -> new EnumMap<>(Story.class), Collectors.counting()));
        assertThat((double) counts.get(Story.SLOWING) / CUSTOMERS).isCloseTo(0.15, within(0.02));
        assertThat((double) counts.get(Story.DROPPED) / CUSTOMERS).isCloseTo(0.10, within(0.02));
    }

    @Test
    void slowingCustomersShowAGrowingGapOnTheCardAndSteadyOnesHardlyEver() {
        assertThat(shareWith(Story.SLOWING, ChurnSignals.GROWING_GAP_PURCHASES)).isEqualTo(1.0);
        assertThat(shareWith(Story.STEADY, ChurnSignals.GROWING_GAP_PURCHASES)).isLessThan(0.01);
        assertThat(shareWith(Story.DROPPED, ChurnSignals.GROWING_GAP_PURCHASES)).isLessThan(0.02);
    }

    @Test
    void droppedCustomersShowDecliningSpendOnTheCardAndSteadyOnesSeldom() {
        assertThat(shareWith(Story.DROPPED, ChurnSignals.DECLINING_SPEND)).isGreaterThan(0.95);
        assertThat(shareWith(Story.STEADY, ChurnSignals.DECLINING_SPEND)).isLessThan(0.05);
        long cards = drawn.stream().filter(d -> codes(d).contains(ChurnSignals.DECLINING_SPEND)).count();
        // Dropped customers, and many who slowed down: their spend fell with their visits.
        assertThat((double) cards / CUSTOMERS).isBetween(0.12, 0.25);
    }

    private double averageCount(Segment segment) {
        return drawn.stream().filter(d -> d.customer().segment() == segment).mapToInt(d -> d.purchases().size())
                .average().orElseThrow();
    }

    private double shareWith(Story story, String code) {
        List<Drawn> told = drawn.stream().filter(d -> d.story() == story).toList();
        return (double) told.stream().filter(d -> codes(d).contains(code)).count() / told.size();
    }

    private Set<String> codes(Drawn d) {
        List<dev.switchboard.domain.value.Purchase> facts = d.purchases().stream()
                .map(p -> new dev.switchboard.domain.value.Purchase(Instant.ofEpochSecond(p.at()),
                        BigDecimal.valueOf(p.cents(), 2)))
                .toList();
        return signals.assess(List.of(), facts, List.of(), NOW).stream().map(Signal::code).collect(Collectors.toSet());
    }
}
