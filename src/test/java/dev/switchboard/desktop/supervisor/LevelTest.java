package dev.switchboard.desktop.supervisor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The colours of the dashboard's numbers: met, within ten points, missed. */
class LevelTest {

    @Test
    void serviceLevelIsMetCloseOrMissedAgainstTheTarget() {
        assertThat(Level.serviceLevel(80.0, 80)).isEqualTo(Level.MET);
        assertThat(Level.serviceLevel(95.0, 80)).isEqualTo(Level.MET);
        assertThat(Level.serviceLevel(79.9, 80)).isEqualTo(Level.NEAR);
        assertThat(Level.serviceLevel(70.0, 80)).isEqualTo(Level.NEAR);
        assertThat(Level.serviceLevel(69.9, 80)).isEqualTo(Level.MISSED);
        assertThat(Level.serviceLevel(null, 80)).isEqualTo(Level.NONE);
    }

    @Test
    void theLongestWaitTurnsAmberNearTheThresholdAndRedPastIt() {
        assertThat(Level.longestWait(0, 0, 20)).isEqualTo(Level.NONE);
        assertThat(Level.longestWait(2, 10, 20)).isEqualTo(Level.MET);
        assertThat(Level.longestWait(2, 15, 20)).isEqualTo(Level.NEAR);
        assertThat(Level.longestWait(2, 20, 20)).isEqualTo(Level.NEAR);
        assertThat(Level.longestWait(2, 21, 20)).isEqualTo(Level.MISSED);
    }

    @Test
    void staffingIsShortWhenFewerAreSignedInThanNeeded() {
        assertThat(Level.staffing(6, 8)).isEqualTo(Level.MISSED);
        assertThat(Level.staffing(8, 8)).isEqualTo(Level.MET);
        assertThat(Level.staffing(6, null)).isEqualTo(Level.NONE);
    }
}
