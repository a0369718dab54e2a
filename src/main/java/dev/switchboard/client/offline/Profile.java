package dev.switchboard.client.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.client.outbox.Outbox;
import dev.switchboard.client.outbox.OutboxEntry;
import dev.switchboard.client.outbox.OutboxSender;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

/** An agent's stored data on this desktop: their copy and outbox, and the sender that drains it. */
record Profile(String username, LocalCache cache, Outbox outbox, OutboxSender sender, ProvisionalIds ids) {
    /**
     * Writes sent in one request when a backlog waits (after a time offline): as many as the server
     * takes. Each ticket a batch touches is answered whole once per batch, so larger batches send,
     * keep and store fewer copies of the same tickets (P9, 5,000 notes and changes on 50 tickets, run
     * alternately: 4.4–4.5 s in batches of 200, 2.7–2.9 s in batches of 1,000).
     */
    static final int BATCH = 1000;


    /**
     * Opens (creating if needed) the profile in {@code dir}, readable by this user only where the file
     * system says who may read, and starts its sender. {@code token} gives the token for the profile
     * asking (null: do not send now). Throws when the files cannot be opened (another desktop on this
     * computer holds them).
     */
    static Profile open(String username, Path dir, Clock clock, ObjectMapper json, OkHttpClient http, String baseUrl,
                        Function<Profile, String> token, OutboxSender.Listener listener,
                        BiFunction<ProvisionalIds, OutboxEntry, OutboxEntry> prepare) {
        ownerOnly(dir);
        LocalCache cache = LocalCache.open(dir.resolve("cache"), clock);
        Outbox outbox;
        try {
            outbox = Outbox.open(dir.resolve("outbox"), clock);
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
        outbox.purgeSent(clock.instant().minus(Duration.ofDays(1)));
        ProvisionalIds ids = new ProvisionalIds(outbox, json, n -> cache.get(LocalCache.PLACEHOLDER, n, Long.class));
        AtomicReference<Profile> self = new AtomicReference<>();
        OutboxSender sender = new OutboxSender(outbox, http, baseUrl, () -> token.apply(self.get()), clock, listener,
                e -> prepare.apply(ids, e), BATCH);
        Profile p = new Profile(username, cache, outbox, sender, ids);
        self.set(p);
        sender.wake();
        return p;
    }

    private static void ownerOnly(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the folder lives in the user's own profile
        }
    }

    void close() {
        sender.close();
        outbox.close();
        cache.close();
    }
}
