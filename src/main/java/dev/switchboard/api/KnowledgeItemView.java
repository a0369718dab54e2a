package dev.switchboard.api;

import java.util.List;

/**
 * An article or canned response found for a contact. {@code body} has the contact's placeholders
 * filled in ({@code {customer.name}}, {@code {ticket.number}}, {@code {agent.name}}); {@code matched}
 * says which of the contact's words found it; {@code helpedTickets} is how many tickets it helped with
 * so far (articles only); {@code helped} whether it was recorded as helping this contact's ticket.
 */
public record KnowledgeItemView(String kind, long id, String title, String body, String queueName,
                                List<String> matched, int helpedTickets, boolean helped) {
    public static final String ARTICLE = "ARTICLE";
    public static final String CANNED = "CANNED";

    public KnowledgeItemView {
        matched = matched == null ? List.of() : List.copyOf(matched);
    }

    public boolean isArticle() {
        return ARTICLE.equals(kind);
    }
}
