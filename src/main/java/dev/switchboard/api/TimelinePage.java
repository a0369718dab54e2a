package dev.switchboard.api;

import java.util.List;

/** One page of a customer's timeline, newest first; {@code nextCursor} is null on the last page. */
public record TimelinePage(List<InteractionView> items, String nextCursor) {
}
