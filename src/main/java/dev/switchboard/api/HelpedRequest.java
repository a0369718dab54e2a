package dev.switchboard.api;

/** An article that helped with a ticket. */
public record HelpedRequest(Long articleId) {
}
