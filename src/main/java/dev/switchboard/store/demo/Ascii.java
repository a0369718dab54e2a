package dev.switchboard.store.demo;

import java.text.Normalizer;
import java.util.Locale;

/** Folds names to the lower-case ASCII letters and digits that e-mail local parts and handles use. */
final class Ascii {
    private Ascii() {
    }

    /** "Zoë" → "zoe", "Müller" → "muller", "O'Brien" → "obrien", "Weiß" → "weiss", "Łukasz" → "lukasz". */
    static String fold(String s) {
        String special = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
                .replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae").replace("œ", "oe").replace("Œ", "Oe")
                .replace("ı", "i");
        String decomposed = Normalizer.normalize(special, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = Character.toLowerCase(decomposed.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
