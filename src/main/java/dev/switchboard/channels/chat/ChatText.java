package dev.switchboard.channels.chat;

import java.util.Locale;
import java.util.ResourceBundle;

/** The texts the gateway sends to visitors, kept in {@code chat/messages.properties}. */
enum ChatText {
    BAD_FRAME("chat.error.badFrame"),
    UNKNOWN_TYPE("chat.error.unknownType"),
    NOT_STARTED("chat.error.notStarted"),
    ALREADY_STARTED("chat.error.alreadyStarted"),
    INVALID("chat.error.invalid"),
    NAME_REQUIRED("chat.error.nameRequired"),
    NAME_TOO_LONG("chat.error.nameTooLong"),
    EMAIL_INVALID("chat.error.emailInvalid"),
    TEXT_EMPTY("chat.error.textEmpty"),
    TEXT_TOO_LONG("chat.error.textTooLong"),
    PAGE_INVALID("chat.error.pageInvalid"),
    FLOOD("chat.error.flood"),
    UNAVAILABLE("chat.error.unavailable"),
    ENDED_BY_VISITOR("chat.ended.byVisitor"),
    ENDED_BY_AGENT("chat.ended.byAgent"),
    ENDED_EARLIER("chat.ended.earlier"),
    MOVED("chat.ended.moved");

    static final String BUNDLE = "chat.messages";

    private final String key;

    ChatText(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    String text() {
        return ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString(key);
    }
}
