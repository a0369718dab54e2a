package dev.switchboard.client.offline;

import dev.switchboard.client.ApiException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * For the benchmark (P7): fills an agent's copy on this desktop the way the desktop fills it, by
 * opening customers' cards one after another through {@link OfflineApi} (the customer, their open
 * tickets and the first page of their timeline), so what is stored is exactly the api JSON the desktop
 * keeps, in the proportions a card brings. And counts what a copy holds, by kind.
 */
public final class CacheFill {
    /** The kinds of record a copy holds, in the order they are reported. */
    public static final List<String> KINDS = List.of(LocalCache.CUSTOMER, LocalCache.TICKET, LocalCache.INTERACTION,
            LocalCache.TIMELINE, LocalCache.CONVERSATION, LocalCache.PLACEHOLDER);
    /** The page of a customer's timeline the card asks for first (as TimelineModel does). */
    static final int TIMELINE_PAGE = 20;
    /** How many customers are read between two counts of the copy. */
    private static final int COUNT_EVERY = 100;
    /** Customer ids tried in a row without finding one before the fill gives up. */
    private static final int GIVE_UP_AFTER = 1_000;

    private CacheFill() {
    }

    /**
     * Signs {@code username} in (which opens their copy), opens the cards of customers 1, 2, 3, ... until
     * the copy holds at least {@code records} records, and signs out. Returns the records by kind.
     */
    public static Map<String, Integer> fill(OfflineApi api, String username, String password, int records,
                                            Consumer<String> progress) {
        api.login(username, password);
        LocalCache cache = api.heldCache();
        if (cache == null) {
            throw new IllegalStateException("the copy of " + username + " could not be opened");
        }
        Map<String, Integer> counts = counts(cache);
        long id = 0;
        int customers = 0;
        int missesInARow = 0;
        while (total(counts) < records) {
            id++;
            try {
                api.customer(id);
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                if (++missesInARow >= GIVE_UP_AFTER) {
                    throw new IllegalStateException("the server has too few customers: " + total(counts)
                            + " records after customer " + id);
                }
                continue;
            }
            missesInARow = 0;
            api.openTickets(id);
            api.timeline(id, null, TIMELINE_PAGE);
            if (++customers % COUNT_EVERY == 0) {
                counts = counts(cache);
                progress.accept("cache fill: " + customers + " customers, " + total(counts) + " records");
            }
        }
        counts = counts(cache);
        api.logout();
        return counts;
    }

    /**
     * The records in the copy kept in {@code profilesRoot} (every agent's profile below it), by kind.
     * The copies must be closed: no desktop may have them open.
     */
    public static Map<String, Integer> count(Path profilesRoot) throws java.io.IOException {
        Map<String, Integer> sum = new LinkedHashMap<>();
        KINDS.forEach(k -> sum.put(k, 0));
        if (!Files.isDirectory(profilesRoot)) {
            return sum;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(profilesRoot)) {
            files = walk.filter(p -> p.getFileName().toString().equals("cache.mv.db")).toList();
        }
        for (Path f : files) {
            try (LocalCache cache = LocalCache.open(f, Clock.systemUTC())) {
                counts(cache).forEach((k, n) -> sum.merge(k, n, Integer::sum));
            }
        }
        return sum;
    }

    public static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Integer> counts(LocalCache cache) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String kind : KINDS) {
            counts.put(kind, cache.ids(kind).size());
        }
        return counts;
    }
}
