package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentIdSetTest {

    @Test
    void holdsEachIdOnceInOrderAndAnswersLikeAHashSet() {
        Random random = new Random(5);
        List<Long> ids = random.longs(2_000, 1, 3_000).boxed().toList();
        Set<Long> expected = new HashSet<>(ids);
        AgentIdSet set = AgentIdSet.of(ids);

        assertThat(set).hasSize(expected.size()).isEqualTo(expected);
        assertThat(set.hashCode()).isEqualTo(expected.hashCode());
        assertThat(new java.util.ArrayList<>(set)).isSorted();
        for (long id = 0; id <= 3_001; id++) {
            assertThat(set.contains(id)).as("id %d", id).isEqualTo(expected.contains(id));
            assertThat(set.contains((Object) id)).isEqualTo(expected.contains(id));
        }
        assertThat(set.contains((Object) 5)).as("an Integer is not an agent id").isFalse();
        assertThat(set.contains(null)).isFalse();

        List<Long> tested = new java.util.ArrayList<>();
        assertThat(set.anyMatch(id -> tested.add(id) && id > 2_990)).isEqualTo(expected.stream().anyMatch(id -> id > 2_990));
        assertThat(tested).as("in ascending order, stopping at the first match").isSorted()
                .containsExactlyElementsOf(set.stream().filter(id -> id <= tested.get(tested.size() - 1)).toList());
        assertThat(set.anyMatch(id -> id > 3_000)).isFalse();
    }

    @Test
    void anEmptySetHasNothingAndCannotBeChanged() {
        AgentIdSet empty = AgentIdSet.of(List.of());
        assertThat(empty).isEmpty();
        assertThat(empty.contains(0L)).isFalse();
        assertThatThrownBy(() -> empty.iterator().next()).isInstanceOf(NoSuchElementException.class);
        AgentIdSet some = AgentIdSet.of(List.of(3L, 1L, 3L));
        assertThat(some).containsExactly(1L, 3L);
        assertThatThrownBy(() -> some.add(4L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> some.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }
}
