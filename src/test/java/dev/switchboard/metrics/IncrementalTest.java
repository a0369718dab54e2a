package dev.switchboard.metrics;

import dev.switchboard.domain.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Stats fed record by record, with every update, equal stats recomputed from the final records. */
class IncrementalTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private record Step(Instant at, ContactRecord record) {
    }

    @Test
    void incrementalEqualsRecomputed() {
        Random rnd = new Random(20261125);
        List<Step> steps = new ArrayList<>();
        for (long id = 1; id <= 5_000; id++) {
            steps.addAll(versions(id, rnd));
        }
        // replay in time order, as events would arrive; each interaction's versions stay in order
        steps.sort(Comparator.comparing(Step::at));
        QueueStats incremental = new QueueStats();
        IntervalStats intervals = new IntervalStats(ZoneId.of("Europe/Berlin"));
        Map<Long, ContactRecord> last = new HashMap<>();
        for (Step s : steps) {
            incremental.add(s.record());
            intervals.add(s.record());
            last.put(s.record().interactionId(), s.record());
        }
        QueueStats recomputed = QueueStats.recompute(last.values());
        // every contact was queued 09:00–17:00 local time, so "today" at the end of the day holds them all
        assertThat(intervals.today(1, T0.plus(Duration.ofHours(12)))).isEqualTo(recomputed);

        assertThat(incremental).isEqualTo(recomputed);
        assertThat(incremental.records()).hasSize(5_000);
        assertThat(incremental.answered()).isEqualTo(recomputed.answered()).isPositive();
        assertThat(incremental.handled()).isEqualTo(recomputed.handled()).isPositive();
        assertThat(incremental.transfers()).isEqualTo(recomputed.transfers()).isPositive();
        assertThat(incremental.totalAnswerWait()).isEqualTo(recomputed.totalAnswerWait());
        assertThat(incremental.totalTalk()).isEqualTo(recomputed.totalTalk());
        assertThat(incremental.totalHold()).isEqualTo(recomputed.totalHold());
        assertThat(incremental.totalWrap()).isEqualTo(recomputed.totalWrap());
        for (AbandonTreatment t : AbandonTreatment.values()) {
            ServiceLevelSettings st = new ServiceLevelSettings(Duration.ofSeconds(20), 80, Duration.ofSeconds(5), t);
            assertThat(incremental.counts(st)).isEqualTo(recomputed.counts(st));
            assertThat(incremental.counts(st).shortAbandoned()).isPositive();
            assertThat(incremental.serviceLevelKpi(st)).isEqualTo(recomputed.serviceLevelKpi(st));
            assertThat(incremental.abandonmentRateKpi(st)).isEqualTo(recomputed.abandonmentRateKpi(st));
        }
        assertThat(incremental.averageSpeedOfAnswerKpi()).isEqualTo(recomputed.averageSpeedOfAnswerKpi());
        assertThat(incremental.averageHandleTimeKpi()).isEqualTo(recomputed.averageHandleTimeKpi());
        assertThat(incremental.averageHoldTimeKpi()).isEqualTo(recomputed.averageHoldTimeKpi());
        assertThat(incremental.transfersKpi()).isEqualTo(recomputed.transfersKpi());
    }

    /** The versions of one contact as it moves on: queued, then answered or abandoned, talk ended, wrapped up. */
    private static List<Step> versions(long id, Random rnd) {
        Channel channel = Channel.values()[rnd.nextInt(Channel.values().length)];
        Instant queued = T0.plusMillis(rnd.nextInt(8 * 3600 * 1000));
        List<Step> out = new ArrayList<>();
        out.add(new Step(queued, record(id, channel, queued, null, null, null, null, 0, null, false)));
        int outcome = rnd.nextInt(10);
        if (outcome == 0) {
            return out;                                               // still waiting
        }
        Instant left = queued.plusMillis(rnd.nextInt(90_000));
        if (outcome <= 3) {
            out.add(new Step(left, record(id, channel, queued, null, left, null, null, 0, null, false)));
            return out;
        }
        long agent = 1 + rnd.nextInt(40);
        out.add(new Step(left, record(id, channel, queued, left, null, null, null, 0, agent, false)));
        if (rnd.nextInt(5) == 0) {
            return out;                                               // still talking
        }
        long talk = 1 + rnd.nextInt(600_000);
        long hold = rnd.nextInt(3) == 0 ? rnd.nextLong(talk) : 0;
        boolean transferred = rnd.nextInt(8) == 0;
        Instant talkEnd = left.plusMillis(talk);
        out.add(new Step(talkEnd, record(id, channel, queued, left, null, talkEnd, null, hold, agent, transferred)));
        if (rnd.nextInt(5) == 0) {
            return out;                                               // still in wrap-up
        }
        Instant wrapEnd = talkEnd.plusMillis(rnd.nextInt(120_000));
        out.add(new Step(wrapEnd, record(id, channel, queued, left, null, talkEnd, wrapEnd, hold, agent, transferred)));
        if (rnd.nextInt(20) == 0) {                                   // the same final record sent twice
            out.add(new Step(wrapEnd.plusSeconds(1), out.get(out.size() - 1).record()));
        }
        return out;
    }

    private static ContactRecord record(long id, Channel channel, Instant queued, Instant answered, Instant abandoned,
                                        Instant talkEnd, Instant wrapEnd, long hold, Long agent, boolean transferred) {
        return new ContactRecord(id, 1, channel, queued, answered, abandoned, talkEnd, wrapEnd, hold, agent, transferred);
    }
}
