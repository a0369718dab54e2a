package dev.switchboard.metrics;

import dev.switchboard.domain.Channel;

import java.time.Instant;

/** Short ways to write contact records in tests: times in seconds after a start. */
final class Contacts {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final long QUEUE = 1;

    private Contacts() {
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static ContactRecord waiting(long id, long queuedAt) {
        return new ContactRecord(id, QUEUE, Channel.PHONE, at(queuedAt), null, null, null, null, 0, null, false);
    }

    static ContactRecord answered(long id, long waitSeconds) {
        return new ContactRecord(id, QUEUE, Channel.PHONE, T0, at(waitSeconds), null, null, null, 0, 7L, false);
    }

    static ContactRecord abandoned(long id, long waitSeconds) {
        return new ContactRecord(id, QUEUE, Channel.PHONE, T0, null, at(waitSeconds), null, null, 0, null, false);
    }

    /** Answered after {@code wait}, talked {@code talk} (of which {@code hold} on hold), wrapped up {@code wrap}. */
    static ContactRecord handled(long id, long wait, long talk, long hold, long wrap, Long agent, boolean transferred) {
        return new ContactRecord(id, QUEUE, Channel.PHONE, T0, at(wait), null, at(wait + talk),
                at(wait + talk + wrap), hold * 1000, agent, transferred);
    }
}
