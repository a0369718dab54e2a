package dev.switchboard.desktop.conversation;

import dev.switchboard.api.EventTypes;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.InlineTaskRunner;
import dev.switchboard.domain.Channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The signed-in view models over the fake server, with conversations on a clock the test moves and
 * retries that do not wait (the waits asked for are recorded).
 */
final class ConversationHarness {
    final Harness h = Harness.inline();
    final MovableClock clock = new MovableClock(Fixtures.NOW);
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    final ConversationsViewModel conversations = new ConversationsViewModel(h.w.contacts(), h.w.session().events(),
            new ConversationTools(h.api, new InlineTaskRunner(), h.messages, new Formats(h.messages, ZoneOffset.UTC),
                    new ErrorText(h.messages, "test server"), clock, pauses::add, () -> "Alex Morgan"));

    /** Offers a contact from a known customer and accepts it: its tab opens with its conversation. */
    ConversationViewModel open(long id, long customer, Channel channel, String address) {
        h.api.emit(EventTypes.OFFER, Fixtures.offerFrom(h.api, id, customer, channel, address,
                channel == Channel.EMAIL ? "Warranty claim for the engine" : null, "Hello", null));
        h.w.contacts().accept();
        return conversations.of(id);
    }

    void tick(Duration later) {
        clock.now = clock.now.plus(later);
        conversations.tick(clock.now);
    }

    static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
