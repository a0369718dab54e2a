package dev.switchboard.domain.value;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GapsTest {
    @Test
    void spansAreInTheLargestWholeUnitRoundedToTheNearest() {
        assertThat(Gaps.span(Duration.ofDays(94))).isEqualTo("94 days");
        assertThat(Gaps.span(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(Gaps.span(Duration.ofHours(36))).isEqualTo("2 days");
        assertThat(Gaps.span(Duration.ofHours(35).plusMinutes(59))).isEqualTo("1 day");
        assertThat(Gaps.span(Duration.ofHours(23))).isEqualTo("23 hours");
        assertThat(Gaps.span(Duration.ofMinutes(90))).isEqualTo("2 hours");
        assertThat(Gaps.span(Duration.ofMinutes(59))).isEqualTo("59 minutes");
        assertThat(Gaps.span(Duration.ofSeconds(5))).isEqualTo("1 minute");
    }

    @Test
    void everyDropsTheOneOfASingleUnit() {
        assertThat(Gaps.every(Duration.ofDays(1))).isEqualTo("every day");
        assertThat(Gaps.every(Duration.ofDays(10))).isEqualTo("every 10 days");
        assertThat(Gaps.every(Duration.ofHours(1))).isEqualTo("every hour");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Gaps.median(List.of(Duration.ofDays(40), Duration.ofDays(10), Duration.ofDays(20),
                Duration.ofDays(900)))).isEqualTo(Duration.ofDays(30));
        assertThat(Gaps.median(List.of(Duration.ofDays(5), Duration.ofDays(1), Duration.ofDays(3))))
                .isEqualTo(Duration.ofDays(3));
    }
}
