package dev.switchboard.desktop;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The user-facing text of the desktop: one resource bundle, {@code i18n/messages}. */
public final class Messages {
    public static final String BASE_NAME = "i18n/messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Messages load(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BASE_NAME, locale), locale);
    }

    /** The bundle, for FXML {@code %key} lookups. */
    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    /** The text with {@code {0}}, {@code {1}}... filled in (MessageFormat rules). */
    public String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
