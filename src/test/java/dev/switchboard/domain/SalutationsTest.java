package dev.switchboard.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalutationsTest {
    @Test
    void everyCommonSpellingBecomesTheKeptOne() {
        assertThat(Salutations.normalise("mr")).isEqualTo("Mr");
        assertThat(Salutations.normalise("MR.")).isEqualTo("Mr");
        assertThat(Salutations.normalise(" Mrs ")).isEqualTo("Mrs");
        assertThat(Salutations.normalise("ms")).isEqualTo("Ms");
        assertThat(Salutations.normalise("MISS")).isEqualTo("Miss");
        assertThat(Salutations.normalise("dr.")).isEqualTo("Dr");
        assertThat(Salutations.normalise("Prof.")).isEqualTo("Prof");
        assertThat(Salutations.normalise("mx")).isEqualTo("Mx");
    }

    @Test
    void blankIsNoSalutation() {
        assertThat(Salutations.normalise(null)).isEmpty();
        assertThat(Salutations.normalise("  ")).isEmpty();
    }

    @Test
    void anythingElseIsRefusedNamingWhatIsAccepted() {
        for (String bad : new String[] {"Sir", "Mr Dr", "m", ".", "Mrs.."}) {
            assertThatThrownBy(() -> Salutations.normalise(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Mr, Mrs, Ms, Miss, Mx, Dr, Prof");
        }
        assertThat(Salutations.accepted()).containsExactly("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof");
    }
}
