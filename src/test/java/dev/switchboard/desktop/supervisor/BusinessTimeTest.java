package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessTimeTest {
    private final BusinessTime time = new BusinessTime(Messages.load(Locale.ENGLISH));

    @Test
    void underAnHourIsInMinutes() {
        assertThat(time.of(0.0)).isEqualTo("0 min");
        assertThat(time.of(0.4)).isEqualTo("0 min");
        assertThat(time.of(7.0)).isEqualTo("7 min");
        assertThat(time.of(59.4)).isEqualTo("59 min");
    }

    @Test
    void fromAnHourTheMinutesHaveTwoDigits() {
        assertThat(time.of(65.0)).isEqualTo("1 h 05 min");
        assertThat(time.of(125.4)).isEqualTo("2 h 05 min");
        assertThat(time.of(245.5)).as("rounded to the nearest minute").isEqualTo("4 h 06 min");
        assertThat(time.of(719.0)).isEqualTo("11 h 59 min");
    }

    @Test
    void wholeHoursNeedNoMinutes() {
        assertThat(time.of(59.6)).isEqualTo("1 h");
        assertThat(time.of(240)).isEqualTo("4 h");
    }

    @Test
    void hoursAreNotFoldedIntoDays() {
        assertThat(time.of(1510.0)).isEqualTo("25 h 10 min");
        assertThat(time.of(60_000)).isEqualTo("1,000 h");
    }

    @Test
    void nothingToCountIsADash() {
        assertThat(time.of((Double) null)).isEqualTo("—");
        assertThat(time.of((Integer) null)).isEqualTo("—");
        assertThat(time.of(Double.NaN)).isEqualTo("—");
    }

    @Test
    void aNegativeFigureCountsAsNone() {
        assertThat(time.of(-3.0)).isEqualTo("0 min");
    }
}
