package dev.switchboard.app.bench;

import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.domain.TicketPriority;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The driver makes contacts and ticket changes in turn, only while the desktop's events fall behind. */
class EventDriverTest {
    private final List<Object> made = new CopyOnWriteArrayList<>();
    private final SwitchboardApi api = (SwitchboardApi) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {SwitchboardApi.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "ingest" -> made.add(args[0]);
                    case "updateTicket" -> made.add(new Object[] {args[0], args[1]});
                    default -> throw new UnsupportedOperationException(method.getName());
                }
                return null;
            });

    @Test
    void alternatesNewContactsAndTicketChangesAtMostAtTheRate() throws Exception {
        long started = System.nanoTime();
        try (EventDriver driver = new EventDriver(api, List.of("a@example.org", "b@example.org"), List.of(11L, 12L),
                100, () -> 0, line -> { })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> made.size() >= 8);
            double allowed = 100 * (System.nanoTime() - started) / 1e9 + 1;
            assertThat(driver.contacts() + driver.ticketChanges()).isLessThanOrEqualTo((long) allowed);
        }
        assertThat(made.get(0)).isInstanceOfSatisfying(IngestRequest.class,
                r -> assertThat(r.address()).isEqualTo("a@example.org"));
        assertThat(made.get(1)).isInstanceOfSatisfying(Object[].class, change -> {
            assertThat(change[0]).isEqualTo(11L);
            assertThat(((TicketUpdateRequest) change[1]).priority()).isEqualTo(TicketPriority.HIGH);
        });
        assertThat(made.get(2)).isInstanceOfSatisfying(IngestRequest.class,
                r -> assertThat(r.address()).isEqualTo("b@example.org"));
        assertThat(made.get(3)).isInstanceOfSatisfying(Object[].class, change -> assertThat(change[0]).isEqualTo(12L));
        // the second round puts the tickets back
        assertThat(made.get(5)).isInstanceOfSatisfying(Object[].class,
                change -> assertThat(((TicketUpdateRequest) change[1]).priority()).isEqualTo(TicketPriority.NORMAL));
    }

    @Test
    void makesNothingWhileTheDesktopHasHadItsEvents() throws Exception {
        AtomicLong received = new AtomicLong();
        try (EventDriver driver = new EventDriver(api, List.of("a@example.org"), List.of(11L), 100, received::get,
                line -> { })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> made.size() >= 2);
            // the desktop is far ahead: the driver stops until the rate catches up with it
            received.set(1_000_000);
            int before = made.size();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> made.size() <= before + 1);
            assertThat(driver.errors()).isZero();
        }
    }
}
