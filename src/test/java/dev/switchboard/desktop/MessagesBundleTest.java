package dev.switchboard.desktop;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text key the desktop uses exists in i18n/messages, and every key there is used: in FXML as
 * {@code %key}, in Java as a string literal (keys are always written out whole, never glued together).
 */
class MessagesBundleTest {
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");

    private final ResourceBundle bundle = ResourceBundle.getBundle(Messages.BASE_NAME, Locale.ROOT);

    @Test
    void everyKeyUsedIsDefined() throws IOException {
        Set<String> missing = new TreeSet<>(usedKeys());
        missing.removeAll(bundle.keySet());
        assertThat(missing).as("keys used but missing from i18n/messages.properties").isEmpty();
    }

    @Test
    void everyKeyDefinedIsUsed() throws IOException {
        Set<String> unused = new TreeSet<>(bundle.keySet());
        unused.removeAll(usedKeys());
        assertThat(unused).as("keys in i18n/messages.properties that nothing uses").isEmpty();
    }

    @Test
    void noTextHasAStraightApostropheThatMessageFormatWouldEat() {
        Set<String> bad = new TreeSet<>();
        for (String key : bundle.keySet()) {
            if (bundle.getString(key).contains("'")) {
                bad.add(key);
            }
        }
        assertThat(bad).as("write ’ instead of ' in these").isEmpty();
    }

    @Test
    void theScannerFindsKeysInBothPlaces() throws IOException {
        assertThat(usedKeys()).contains("login.signIn", "card.unknown.phone", "channel.social");
    }

    static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        collect(Path.of("fxml"), ".fxml", FXML_KEY, keys);
        collect(Path.of("src/main/java/dev/switchboard/desktop"), ".java", JAVA_KEY, keys);
        return keys;
    }

    private static void collect(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(suffix))::iterator) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }
}
