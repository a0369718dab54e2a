package dev.switchboard.routing;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An unchangeable set of agent ids held as one sorted {@code long[]}: 8 bytes an id, where a
 * {@code HashSet<Long>} takes about 56. A queue's audience is hundreds of agents and rides on every
 * queue event the hub keeps for replay, so the difference is most of a busy server's heap.
 */
public final class AgentIdSet extends AbstractSet<Long> {
    private final long[] ids;

    private AgentIdSet(long[] sortedDistinct) {
        this.ids = sortedDistinct;
    }

    /** The set of these ids; repeats count once. */
    public static AgentIdSet of(Collection<Long> ids) {
        long[] a = new long[ids.size()];
        int n = 0;
        for (Long id : ids) {
            a[n++] = id;
        }
        Arrays.sort(a);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || a[distinct - 1] != a[i]) {
                a[distinct++] = a[i];
            }
        }
        return new AgentIdSet(distinct == a.length ? a : Arrays.copyOf(a, distinct));
    }

    public boolean contains(long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Long id && contains(id.longValue());
    }

    /** Whether any id passes {@code test}, in ascending order, without boxing one. */
    public boolean anyMatch(java.util.function.LongPredicate test) {
        for (long id : ids) {
            if (test.test(id)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public Iterator<Long> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < ids.length;
            }

            @Override
            public Long next() {
                if (next >= ids.length) {
                    throw new NoSuchElementException();
                }
                return ids[next++];
            }
        };
    }
}
