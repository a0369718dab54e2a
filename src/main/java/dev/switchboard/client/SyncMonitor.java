package dev.switchboard.client;

import dev.switchboard.api.TicketUpdateRequest;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the desktop's link to the server stands: online or working offline, the writes waiting on this
 * desktop, the ones the server refused, the ticket changes that need the agent's merge, and a resync in
 * progress. A desktop without an offline store sees {@link #ALWAYS_ONLINE}.
 */
public interface SyncMonitor {

    /** The status now. */
    SyncStatus status();

    /**
     * Calls {@code listener} with each new status, on whatever thread changed it; close the returned
     * handle to stop.
     */
    AutoCloseable listen(Consumer<SyncStatus> listener);

    /** Try the server now instead of waiting out the back-off (a "Try now" button). */
    void retryNow();

    /**
     * Sends the agent's merge of a conflict (built with {@link TicketConflict#resolve}); the conflict
     * leaves the list.
     */
    void resolve(TicketConflict conflict, TicketUpdateRequest merged);

    /** Drops the agent's side of a conflict: the colleague's version stands. */
    void discard(TicketConflict conflict);

    /** Removes a refused write from the list once the agent has read why. */
    void dismiss(FailedWrite failed);

    /** No offline store: always online, nothing waiting. */
    SyncMonitor ALWAYS_ONLINE = new SyncMonitor() {
        private final SyncStatus online = new SyncStatus(true, null, null, 0, List.of(), List.of(), List.of(), 0, 0, null);

        @Override
        public SyncStatus status() {
            return online;
        }

        @Override
        public AutoCloseable listen(Consumer<SyncStatus> listener) {
            return () -> { };
        }

        @Override
        public void retryNow() {
        }

        @Override
        public void resolve(TicketConflict conflict, TicketUpdateRequest merged) {
        }

        @Override
        public void discard(TicketConflict conflict) {
        }

        @Override
        public void dismiss(FailedWrite failed) {
        }
    };

    /**
     * @param online          the server answers (requests and the event stream); false: working offline
     * @param offlineSince    when the server stopped answering, or null while online
     * @param lastSync        when this desktop last heard from the server, or null if never
     * @param pendingWrites   writes stored on this desktop and not yet accepted by the server
     * @param pending         what the oldest waiting writes are, in the agent's words (at most 5)
     * @param failed          writes the server refused for good, oldest first
     * @param conflicts       ticket changes refused because a colleague changed the same field first
     * @param resyncDone      records brought up to date so far by a resync (0 when none runs)
     * @param resyncTotal     records a resync in progress has to bring up to date (0 when none runs)
     * @param lastError       why the last attempt to reach the server failed, or null
     */
    record SyncStatus(boolean online, Instant offlineSince, Instant lastSync, int pendingWrites,
                      List<String> pending, List<FailedWrite> failed, List<TicketConflict> conflicts,
                      long resyncDone, long resyncTotal, String lastError) {

        public boolean resyncing() {
            return resyncTotal > 0 && resyncDone < resyncTotal;
        }
    }

    /** A write the server refused for good: {@code description} says what the agent did, {@code reason} why it was refused. */
    record FailedWrite(long id, String description, String reason, Instant at) {
    }
}
