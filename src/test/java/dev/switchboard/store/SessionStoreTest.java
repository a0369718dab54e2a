package dev.switchboard.store;

/** {@link SessionStoreContract} on H2, the database of a single server. */
class SessionStoreTest extends SessionStoreContract {
    @Override
    protected Database open() {
        return Database.h2Memory("session-store-" + System.nanoTime());
    }
}
