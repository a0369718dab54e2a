package dev.switchboard.server;

import dev.switchboard.domain.outbound.AttemptResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the final SIP status of a call nobody answered means to the dialler. */
class CampaignCallsTest {

    @ParameterizedTest(name = "{0}, ring ran out: {1} -> {2}")
    @CsvSource({
            "486, false, BUSY", "600, false, BUSY", "486, true, BUSY",
            "408, false, NO_ANSWER", "480, false, NO_ANSWER", "487, false, NO_ANSWER", "487, true, NO_ANSWER",
            "404, false, FAILED", "403, false, FAILED", "503, false, FAILED", "603, false, FAILED",
            "503, true, NO_ANSWER"})
    void aRefusalMeansBusyNoAnswerOrFailed(int status, boolean ringRanOut, AttemptResult expected) {
        assertThat(CampaignCalls.result(status, ringRanOut)).isEqualTo(expected);
    }
}
