package dev.switchboard.store.demo;

import java.util.List;

/** First and last names that belong together (English, Irish, Polish, ...). */
record Culture(String name, List<Name> firstNames, List<Name> lastNames) {

    /** A name as shown, and folded to ASCII for e-mail addresses and handles. */
    record Name(String display, String ascii) {
        static Name of(String display) {
            String ascii = Ascii.fold(display);
            if (ascii.isEmpty()) {
                throw new IllegalArgumentException("name without letters: " + display);
            }
            return new Name(display, ascii);
        }
    }

    static Culture load(WordFile names, String culture) {
        return new Culture(culture,
                names.items("first." + culture).stream().map(Name::of).toList(),
                names.items("last." + culture).stream().map(Name::of).toList());
    }
}
