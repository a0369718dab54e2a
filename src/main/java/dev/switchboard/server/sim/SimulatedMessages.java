package dev.switchboard.server.sim;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;

import java.util.List;
import java.util.Random;

/** What simulated customers say, per channel, and addresses of people the centre does not know yet. */
final class SimulatedMessages {
    private static final List<String> TOPICS = List.of(
            "Where is my order %d?", "Refund for order %d", "Invoice INV-%d looks wrong",
            "Cannot sign in to my account", "Change of address", "Broken item in delivery %d",
            "Upgrade my plan", "Cancel my subscription", "Question about invoice INV-%d",
            "Payment declined on order %d", "Warranty claim for order %d", "Complaint about last call");
    private static final List<String> OPENERS = List.of(
            "Hi, I'm getting in touch about", "Hello, I need help with", "Good morning, following up on",
            "Hi there, still waiting on", "Hello again, this is about");
    private static final List<String> CLOSERS = List.of(
            "Could someone call me back today?", "Thanks for your help.", "This is the third time I've asked.",
            "Please let me know what you need from me.", "I'd appreciate a quick answer.");
    private static final List<String> FIRST = List.of("Olivia", "Mateo", "Hannah", "Kwame", "Sofia", "Ravi",
            "Elena", "Finn", "Yuki", "Amara");
    private static final List<String> LAST = List.of("Walsh", "Nguyen", "Schmidt", "Dubois", "Patel", "Kowalski",
            "Murphy", "Haddad", "Costa", "Lindqvist");

    private final Random random;

    SimulatedMessages(Random random) {
        this.random = random;
    }

    String subject(Channel channel) {
        String topic = String.format(pick(TOPICS), 100_000 + random.nextInt(900_000));
        return switch (channel) {
            case PHONE -> "Call: " + topic;
            case EMAIL -> topic;
            case CHAT -> "Chat: " + topic;
            case SOCIAL -> "Mention: " + topic;
        };
    }

    String body(Channel channel) {
        String text = pick(OPENERS) + " " + subject(Channel.EMAIL).toLowerCase(java.util.Locale.ROOT) + ". "
                + pick(CLOSERS);
        return switch (channel) {
            case PHONE -> "Inbound call. Caller says: \"" + text + "\"";
            case EMAIL -> text + "\n\nKind regards";
            case CHAT -> "Visitor: " + text;
            case SOCIAL -> text.length() > 200 ? text.substring(0, 200) : text;
        };
    }

    /** The demo queue a call about this subject goes to (by name). */
    static String queueFor(String subject) {
        String s = subject.toLowerCase(java.util.Locale.ROOT);
        if (s.contains("invoice") || s.contains("refund") || s.contains("payment")) {
            return "Billing";
        }
        if (s.contains("sign in") || s.contains("broken") || s.contains("warranty")) {
            return "Technical support";
        }
        if (s.contains("upgrade") || s.contains("cancel")) {
            return "Sales";
        }
        return "General";
    }

    String unknownAddress(ContactKind kind) {
        String first = pick(FIRST);
        String last = pick(LAST);
        return switch (kind) {
            case PHONE -> String.format("+447700%06d", random.nextInt(1_000_000));
            case EMAIL -> (first + "." + last + random.nextInt(1000) + "@example.net").toLowerCase(java.util.Locale.ROOT);
            case SOCIAL -> "@" + (first + "_" + last + random.nextInt(100)).toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A first and last name, as a person might show on a messaging app. */
    String personName() {
        return pick(FIRST) + " " + pick(LAST);
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
