package dev.switchboard.store.demo;

/** Hands out ascending ids; the generator assigns ids itself so rows can be inserted in batches. */
final class IdSequence {
    private long next;

    IdSequence(long first) {
        this.next = first;
    }

    long next() {
        return next++;
    }

    /** The id the next call would return, i.e. one past the last one handed out. */
    long peek() {
        return next;
    }
}
