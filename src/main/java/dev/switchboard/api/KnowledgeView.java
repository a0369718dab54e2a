package dev.switchboard.api;

import java.util.List;

/**
 * What the knowledge panel shows for a contact: the words searched for (the contact's subject, or
 * what the agent typed), whether these are suggestions (nothing typed), the articles and canned
 * responses found, best first, the call script of the contact's queue or campaign (null when it has
 * none, or for a text contact), and the ticket that "helped" is recorded on (null when the contact
 * has none).
 */
public record KnowledgeView(List<String> searchedFor, boolean suggested, List<KnowledgeItemView> items,
                            CallScriptView script, Long ticketId) {
    public KnowledgeView {
        searchedFor = searchedFor == null ? List.of() : List.copyOf(searchedFor);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
