package dev.switchboard.desktop.queue;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.QueueEvent;
import dev.switchboard.api.QueueLeftEvent;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.Urgency;
import dev.switchboard.domain.Channel;
import org.junit.jupiter.api.Test;

import static dev.switchboard.desktop.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

class QueueViewModelTest {

    /** Loads the queue as it is at sign-in. */
    private static Harness signedInWith(QueueEntryView... entries) {
        Harness h = Harness.inline();
        h.api.queue.addAll(java.util.List.of(entries));
        h.w.queue().load();
        return h;
    }

    private static java.util.List<Long> order(Harness h) {
        return h.w.queue().items().stream().map(QueueItem::interactionId).toList();
    }

    @Test
    void everyChannelInOneListMostUrgentFirst() {
        Harness h = signedInWith(
                waiting(1, Channel.EMAIL, "Grace Hopper", "Invoice copy", "E-mail", 3, 1800, 3600),
                waiting(2, Channel.PHONE, "Ada Lovelace", "Billing question", "General enquiries", 5, 8, 20),
                waiting(3, Channel.CHAT, "+44 7700 900123", "Where is my order?", "Web chat", 5, 45, 60),
                waiting(4, Channel.PHONE, "Charles Babbage", "Card blocked", "Billing", 8, 2, 30),
                waiting(5, Channel.SOCIAL, "@mary", null, "General enquiries", 5, 8, 20));

        // priority first (8 before 5 before 3); then waited over threshold (45/60 > 8/20); then the oldest
        assertThat(order(h)).containsExactly(4L, 3L, 2L, 5L, 1L);
        QueueItem chat = h.w.queue().items().get(1);
        assertThat(chat.whoProperty().get()).isEqualTo("+44 7700 900123");
        assertThat(chat.subjectProperty().get()).isEqualTo("Where is my order?");
        assertThat(chat.queueNameProperty().get()).isEqualTo("Web chat");
        assertThat(chat.priorityTextProperty().get()).isEqualTo("P5");
        assertThat(chat.waitedProperty().get()).isEqualTo("0:45");
        assertThat(h.w.queue().items().get(3).subjectProperty().get()).as("no subject").isEqualTo("Social message");
        assertThat(h.w.queue().longestProperty().get()).isEqualTo("Longest 30:00");
    }

    @Test
    void theWaitingClockTurnsWarningAtHalfTheThresholdAndDangerPastIt() {
        Harness h = signedInWith(waiting(2, Channel.PHONE, "Ada Lovelace", "Billing question", "General enquiries",
                5, 8, 20));
        QueueItem ada = h.w.queue().items().get(0);
        assertThat(ada.urgencyProperty().get()).isEqualTo(Urgency.NORMAL);

        h.w.queue().tick(Fixtures.NOW.plusSeconds(2));
        assertThat(ada.waitedProperty().get()).isEqualTo("0:10");
        assertThat(ada.urgencyProperty().get()).isEqualTo(Urgency.WARNING);

        h.w.queue().tick(Fixtures.NOW.plusSeconds(12));
        assertThat(ada.waitedProperty().get()).isEqualTo("0:20");
        assertThat(ada.urgencyProperty().get()).isEqualTo(Urgency.DANGER);
    }

    @Test
    void asWaitsGrowTheOrderFollowsTheThresholds() {
        Harness h = signedInWith(
                waiting(1, Channel.CHAT, "Chat visitor", "Hello?", "Web chat", 5, 30, 60),
                waiting(2, Channel.PHONE, "Ada Lovelace", "Billing question", "General enquiries", 5, 5, 20));
        assertThat(order(h)).containsExactly(1L, 2L); // 30/60 = 0.5 beats 5/20 = 0.25

        h.w.queue().tick(Fixtures.NOW.plusSeconds(20)); // 50/60 = 0.83 against 25/20 = 1.25
        assertThat(order(h)).containsExactly(2L, 1L);
    }

    @Test
    void queueEventsKeepTheListLive() {
        Harness h = signedInWith(waiting(1, Channel.EMAIL, "Grace Hopper", "Invoice copy", "E-mail", 3, 60, 3600));

        h.api.emit(EventTypes.QUEUE, new QueueEvent(waiting(2, Channel.PHONE, "Ada Lovelace", "Billing question",
                "General enquiries", 5, 0, 20)));
        assertThat(order(h)).containsExactly(2L, 1L);

        QueueEntryView offered = new QueueEntryView(2, Channel.PHONE, "Ada Lovelace", "Billing question", 1,
                "General enquiries", 5, Fixtures.NOW, 20, false, null, 7L);
        h.api.emit(EventTypes.QUEUE, new QueueEvent(offered));
        assertThat(h.w.queue().items()).hasSize(2);
        assertThat(h.w.queue().items().get(0).badgeProperty().get()).isEqualTo("Offered to you");

        h.api.emit(EventTypes.QUEUE_LEFT, new QueueLeftEvent(2, "answered"));
        assertThat(order(h)).containsExactly(1L);
        h.api.emit(EventTypes.QUEUE_LEFT, new QueueLeftEvent(1, "abandoned"));
        assertThat(h.w.queue().items()).isEmpty();
        assertThat(h.w.queue().longestProperty().get()).isEmpty();
    }

    @Test
    void callbacksAndContactsMeantForThisAgentAreMarked() {
        Harness h = signedInWith(
                new QueueEntryView(1, Channel.PHONE, "Ada Lovelace", "Call back", 1, "General enquiries", 5,
                        Fixtures.NOW, 20, true, null, null),
                new QueueEntryView(2, Channel.PHONE, "Grace Hopper", "Transferred", 1, "General enquiries", 5,
                        Fixtures.NOW, 20, false, 7L, null));
        assertThat(h.w.queue().find(1).orElseThrow().badgeProperty().get()).isEqualTo("Callback");
        assertThat(h.w.queue().find(2).orElseThrow().badgeProperty().get()).isEqualTo("For you");
    }

    @Test
    void theQueueIsLoadedAtSignInAndAgainAfterAResync() {
        Harness h = Harness.inline();
        assertThat(h.w.queue().items()).isEmpty();
        h.api.queue.add(waiting(9, Channel.CHAT, "Late visitor", "Hi", "Web chat", 5, 3, 60));

        h.api.emit(EventTypes.RESYNC, new ResyncEvent(10, 50));

        assertThat(h.api.calls).contains("queue");
        assertThat(order(h)).containsExactly(9L);
    }
}
