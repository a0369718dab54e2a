package dev.switchboard.desktop.conversation;

import dev.switchboard.api.MessageView;
import dev.switchboard.api.ReplyMode;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.domain.MessageDirection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an e-mail answer starts from: the subject ("Re: …", "Fwd: …"), the quoted customer mail under
 * the cursor, and the people a reply to all goes to. Pure text work, no state.
 */
public final class ReplyDrafts {
    /** "Re:", "RE :", "Fwd:", "Fw:", "AW:", "WG:" at the start, repeated. */
    private static final Pattern PREFIXES = Pattern.compile("^(?:\\s*(?:re|fwd?|aw|wg)\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

    private final Messages messages;
    private final Formats formats;

    public ReplyDrafts(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** The customer's latest e-mail in the thread, or null. */
    public static MessageView lastFromCustomer(List<MessageView> thread) {
        MessageView last = null;
        for (MessageView m : thread) {
            if (m.direction() == MessageDirection.INBOUND) {
                last = m;
            }
        }
        return last;
    }

    /** "Re: Invoice" for a reply, "Fwd: Invoice" to forward; the server adds the ticket's tag. */
    public String subject(ReplyMode mode, String original) {
        String base = PREFIXES.matcher(original == null ? "" : original).replaceFirst("").strip();
        if (base.isEmpty()) {
            base = messages.get("conversation.subject.fallback");
        }
        return messages.format(mode == ReplyMode.FORWARD ? "conversation.subject.forward"
                : "conversation.subject.reply", base);
    }

    /**
     * The text a new answer starts with: two empty lines for the agent, then the quoted mail (a reply)
     * or the mail with its headers (forward). Empty when there is nothing to quote.
     */
    public String body(ReplyMode mode, MessageView last, String customer) {
        if (last == null) {
            return "";
        }
        String name = last.author() != null && !last.author().isBlank() ? last.author().strip() : customer;
        String text = last.text() == null ? "" : last.text().strip();
        StringBuilder out = new StringBuilder("\n\n");
        if (mode == ReplyMode.FORWARD) {
            out.append(messages.get("conversation.forward.header")).append('\n')
                    .append(messages.format("conversation.forward.from", name)).append('\n')
                    .append(messages.format("conversation.forward.date", formats.dateTime(last.createdAt()))).append('\n')
                    .append(messages.format("conversation.forward.subject", last.subject() == null ? "" : last.subject()))
                    .append('\n');
            if (!last.to().isEmpty()) {
                out.append(messages.format("conversation.forward.to", String.join(", ", last.to()))).append('\n');
            }
            return out.append('\n').append(text).append('\n').toString();
        }
        out.append(messages.format("conversation.quote.header", formats.dateTime(last.createdAt()), name)).append('\n');
        for (String line : text.split("\\R", -1)) {
            out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return out.toString();
    }

    /**
     * Who else a reply to all goes to: everyone the customer's mail went to or copied, except the
     * centre's own address and the customer (who is already the recipient).
     */
    public static List<String> replyAllCc(MessageView last, String customer, String ours) {
        if (last == null) {
            return List.of();
        }
        Map<String, String> all = new LinkedHashMap<>();
        for (String a : last.to()) {
            all.putIfAbsent(key(a), a.strip());
        }
        for (String a : last.cc()) {
            all.putIfAbsent(key(a), a.strip());
        }
        all.remove(key(ours));
        all.remove(key(customer));
        all.remove("");
        return List.copyOf(all.values());
    }

    /** The addresses typed in a field, separated by commas, semicolons or spaces. */
    public static List<String> addresses(String field) {
        List<String> out = new ArrayList<>();
        if (field == null) {
            return out;
        }
        for (String part : SEPARATORS.split(field.strip())) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String key(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }
}
