package dev.switchboard.store.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing customers get in touch about (a late delivery, a billing query, ...) with its texts for
 * every channel, so that the subject, the body, the ticket and its notes of one case agree.
 */
record Topic(String name, double weight, List<Template> titles, List<Template> subjects,
             List<Template> tickets, List<Template> phoneNotes, List<Template> emails,
             List<ChatScript> chats, List<Template> socialPosts, List<Template> notes) {

    static Topic load(WordFile file, String section) {
        return new Topic(section.substring("topic.".length()),
                Double.parseDouble(file.value(section, "weight")),
                required(file, section, "title"), required(file, section, "subject"),
                required(file, section, "ticket"), required(file, section, "phone"),
                required(file, section, "email"),
                file.values(section, "chat").stream().map(ChatScript::parse).toList(),
                required(file, section, "social"), required(file, section, "note"));
    }

    private static List<Template> required(WordFile file, String section, String key) {
        List<String> values = file.values(section, key);
        if (values.isEmpty()) {
            throw new IllegalStateException("[" + section + "] has no " + key);
        }
        return Template.compileAll(values);
    }

    /** A chat as turns of visitor and agent, written {@code V: text | A: text | ...}. */
    record ChatScript(List<Turn> turns) {
        record Turn(boolean visitor, Template text) {
        }

        static ChatScript parse(String source) {
            List<Turn> turns = new ArrayList<>();
            for (String part : source.split(" \\| ")) {
                String p = part.strip();
                if (p.startsWith("V:")) {
                    turns.add(new Turn(true, Template.compile(p.substring(2).strip())));
                } else if (p.startsWith("A:")) {
                    turns.add(new Turn(false, Template.compile(p.substring(2).strip())));
                } else {
                    throw new IllegalArgumentException("chat turn must start with V: or A: - " + p);
                }
            }
            return new ChatScript(turns);
        }
    }
}
