package dev.switchboard.domain.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the entries (articles, canned responses) that answer a contact, and says why each was found.
 * A contact's words are those of its subject, or of what the agent typed; each entry is scored by
 * where those words occur in it: a keyword counts 3, a word of the title 2, a word of the body 1.
 * Entries written for the contact's queue get 2 more, but only when at least one word matched: a
 * queue alone suggests nothing. Words are compared folded (case and accents) and by their stem,
 * so "refunds" finds "refund" and "charged" finds "charge".
 */
public final class KnowledgeMatcher {
    /** Words too common to say anything about what a contact is about. */
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "not", "you", "your", "our",
            "has", "have", "was", "are", "can", "this", "that", "from", "about", "please", "help", "need",
            "want", "why", "what", "when", "where", "which", "who", "how", "re", "fw", "fwd", "hello", "dear", "thanks", "thank", "still",
            "any", "but", "will", "would", "there", "their", "they", "its", "been", "into", "out", "get", "got",
            "call", "chat", "mention", "question", "again", "last", "time", "today");

    /** One entry to match: its key (the caller's to interpret), words and queue. */
    public record Entry(String key, String title, String body, List<String> keywords, Long queueId) {
        public Entry {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /** An entry that matched: its score and the contact's words it matched on, in the contact's order. */
    public record Match(Entry entry, int score, List<String> matchedWords, boolean sameQueue) {
    }

    private KnowledgeMatcher() {
    }

    /** The entries matching {@code text}, best first (ties by title), at most {@code limit}. */
    public static List<Match> match(String text, Long queueId, List<Entry> entries, int limit) {
        return match(text, queueId, entries, limit, 1);
    }

    /**
     * The same, keeping only entries that score at least {@code atLeast} on their words (before the
     * queue's bonus): a suggestion made unasked asks for 2, so a single common word found only in a
     * body (an "order" in passing) suggests nothing.
     */
    public static List<Match> match(String text, Long queueId, List<Entry> entries, int limit, int atLeast) {
        List<String> words = words(text);
        List<Match> found = new ArrayList<>();
        if (words.isEmpty()) {
            return found;
        }
        for (Entry e : entries) {
            Set<String> keywords = stems(String.join(" ", e.keywords()));
            Set<String> title = stems(e.title());
            Set<String> body = stems(e.body());
            int score = 0;
            List<String> matched = new ArrayList<>();
            for (String w : words) {
                String s = stem(w);
                int points = keywords.contains(s) ? 3 : title.contains(s) ? 2 : body.contains(s) ? 1 : 0;
                if (points > 0) {
                    score += points;
                    matched.add(w);
                }
            }
            if (score == 0 || score < atLeast) {
                continue;
            }
            boolean sameQueue = queueId != null && queueId.equals(e.queueId());
            found.add(new Match(e, sameQueue ? score + 2 : score, List.copyOf(matched), sameQueue));
        }
        found.sort(Comparator.comparingInt(Match::score).reversed()
                .thenComparing(m -> m.entry().title(), String.CASE_INSENSITIVE_ORDER));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** The telling words of a text, folded, each once, in order: what a search is made of. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String w : fold(text).split("[^a-z0-9]+")) {
            if (w.length() >= 3 && !STOP.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    private static Set<String> stems(String text) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : words(text)) {
            out.add(stem(w));
        }
        return out;
    }

    /** A light English stem: enough to meet plurals and past tenses, never shorter than three letters. */
    static String stem(String word) {
        String w = word;
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        for (String ending : List.of("ing", "ed", "es", "s")) {
            if (w.endsWith(ending) && w.length() - ending.length() >= 3) {
                w = w.substring(0, w.length() - ending.length());
                break;
            }
        }
        if (w.endsWith("e") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
