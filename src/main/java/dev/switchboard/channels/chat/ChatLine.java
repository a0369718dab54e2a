package dev.switchboard.channels.chat;

import java.time.Instant;

/**
 * One line of a chat as the visitor sees it again on resume. For a visitor's line the id is the
 * widget's client id, so the widget recognises lines it already shows.
 */
public record ChatLine(String id, boolean fromVisitor, String name, String text, Instant at) {
}
