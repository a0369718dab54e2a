package dev.switchboard.api;

import java.time.Instant;
import java.util.List;

/** A knowledge article as written (placeholders not filled), for those who keep the knowledge base. */
public record ArticleView(long id, String title, String body, List<String> keywords, Long queueId, String queueName,
                          Instant updatedAt, int helpedTickets) {
    public ArticleView {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
