package dev.switchboard.api;

import java.time.Instant;

/** An article recorded as having helped with a ticket: by whom and when. */
public record HelpedArticleView(long articleId, String title, String agentName, Instant at) {
}
