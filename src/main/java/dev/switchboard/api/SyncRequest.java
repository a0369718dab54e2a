package dev.switchboard.api;

import java.util.List;
import java.util.Map;

/**
 * One page of a desktop's resync: the customers it holds (at most {@link #MAX_CUSTOMERS}) and the
 * versions of the tickets it holds of them, so the server answers only tickets that changed.
 */
public record SyncRequest(List<Long> customerIds, Map<Long, Long> ticketVersions) {
    public static final int MAX_CUSTOMERS = 200;
    public static final int MAX_TICKETS = 1000;
}
