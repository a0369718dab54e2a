package dev.switchboard.desktop;

import java.net.URL;
import java.util.Locale;

/** A theme is only a set of colour tokens: one stylesheet each. */
public enum Theme {
    LIGHT("/styles/tokens-light.css"),
    DARK("/styles/tokens-dark.css");

    private final String tokens;

    Theme(String tokens) {
        this.tokens = tokens;
    }

    public URL tokens() {
        return View.resource(tokens);
    }

    /** "dark" (any case) is DARK; anything else, including null, is LIGHT. */
    public static Theme parse(String name) {
        return name != null && name.trim().toLowerCase(Locale.ROOT).equals("dark") ? DARK : LIGHT;
    }
}
