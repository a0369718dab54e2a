package dev.switchboard.desktop.outbound;

import dev.switchboard.api.CampaignDispositionView;

import java.util.Locale;

/** A campaign's disposition as a button shows it: its one-key shortcut and its code made readable. */
public record DispositionItem(CampaignDispositionView view, String key, String label) {

    static DispositionItem of(CampaignDispositionView d) {
        String words = d.code().replace('_', ' ').toLowerCase(Locale.ROOT);
        String label = words.isEmpty() ? d.code() : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return new DispositionItem(d, String.valueOf(Character.toUpperCase(d.key())), label);
    }

    public String code() {
        return view.code();
    }

    boolean hasKey(char c) {
        return Character.toUpperCase(c) == Character.toUpperCase(view.key());
    }
}
