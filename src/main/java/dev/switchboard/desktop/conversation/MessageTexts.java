package dev.switchboard.desktop.conversation;

import dev.switchboard.api.MessageView;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.domain.MessageDirection;

import java.util.List;
import java.util.Locale;

/** How a line of a conversation reads: its status, time, recipients and the sizes of its files. */
public final class MessageTexts {
    private static final long KB = 1024;
    private static final long MB = 1024 * 1024;

    private final Messages messages;
    private final Formats formats;

    public MessageTexts(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** "Sending…", "Sent", "Delivered", "Read", "Failed: why" for the agent's lines; "" for the others. */
    public String status(MessageView v) {
        if (v.direction() != MessageDirection.OUTBOUND || v.status() == null) {
            return "";
        }
        String detail = v.statusDetail() == null ? "" : v.statusDetail().strip();
        return switch (v.status()) {
            case RECEIVED -> "";
            // a negative id: the answer waits on this desktop for the server (working offline)
            case SENDING -> messages.get(v.id() < 0 ? "conversation.status.waiting" : "conversation.status.sending");
            case SENT -> detail.isEmpty() ? messages.get("conversation.status.sent")
                    : messages.format("conversation.status.sentNote", detail);
            case DELIVERED -> messages.get("conversation.status.delivered");
            case READ -> messages.get("conversation.status.read");
            case FAILED -> detail.isEmpty() ? messages.get("conversation.status.failedPlain")
                    : messages.format("conversation.status.failed", detail);
        };
    }

    /** A chat line's time ("14:05"); an e-mail's date and time. */
    public String time(MessageView v, boolean mail) {
        return mail ? formats.dateTime(v.createdAt()) : formats.time(v.createdAt());
    }

    public String from(String author) {
        return messages.format("conversation.mail.from", author == null ? "" : author);
    }

    /** "To a@x, b@y"; "" when nobody is named. */
    public String to(List<String> addresses) {
        return addresses.isEmpty() ? "" : messages.format("conversation.mail.to", String.join(", ", addresses));
    }

    public String cc(List<String> addresses) {
        return addresses.isEmpty() ? "" : messages.format("conversation.mail.cc", String.join(", ", addresses));
    }

    public String subject(String subject) {
        return subject == null || subject.isBlank() ? messages.get("conversation.mail.noSubject") : subject.strip();
    }

    /** "512 B", "14 KB", "2.4 MB". */
    public String size(long bytes) {
        if (bytes < KB) {
            return messages.format("conversation.size.bytes", bytes);
        }
        if (bytes < MB) {
            return messages.format("conversation.size.kb", (bytes + KB / 2) / KB);
        }
        return messages.format("conversation.size.mb", String.format(messages.locale(), "%.1f", bytes / (double) MB));
    }

    /** The kind of file, for its icon: "image", "pdf" or "file". */
    public static String kind(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return "image";
        }
        return type.equals("application/pdf") ? "pdf" : "file";
    }
}
