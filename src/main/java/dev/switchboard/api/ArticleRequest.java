package dev.switchboard.api;

import java.util.List;

/** A knowledge article written or changed: a title, a body, the words it is found by, and optionally its queue. */
public record ArticleRequest(String title, String body, List<String> keywords, Long queueId) {
}
