package dev.switchboard.store.demo;

/**
 * The contact values handed out so far, kept as 64-bit hashes in an open-addressing table: a few
 * bytes per value instead of a String, so that uniqueness over millions of phone numbers and e-mail
 * addresses costs tens of megabytes, not hundreds. A hash collision only makes the generator reject
 * a value that was in fact free; it can never let a duplicate through.
 */
final class UsedKeys {
    private long[] table = new long[1 << 12];
    private int size;

    /** Adds the value; false if it (or a value with the same hash) was already there. */
    boolean add(String value) {
        if (size * 2 >= table.length) {
            grow();
        }
        if (!insert(table, hash(value))) {
            return false;
        }
        size++;
        return true;
    }

    boolean contains(String value) {
        long h = hash(value);
        int mask = table.length - 1;
        for (int i = (int) h & mask; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == h) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] into, long h) {
        int mask = into.length - 1;
        int i = (int) h & mask;
        while (into[i] != 0) {
            if (into[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        into[i] = h;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (long h : old) {
            if (h != 0) {
                insert(table, h);
            }
        }
    }

    /** FNV-1a over the chars, then a finalising mix; never 0, which marks a free slot. */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
