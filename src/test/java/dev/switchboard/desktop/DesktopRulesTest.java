package dev.switchboard.desktop;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop's house rules, checked on its sources so a slip fails the build. */
class DesktopRulesTest {
    private static final Path MAIN = Path.of("src/main/java/dev/switchboard/desktop");
    private static final Path STYLES = Path.of("styles");
    private static final Pattern COLOUR = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|\\b(?:rgba?|hsba?)\\s*\\(|:\\s*(?:white|black|red|green|blue|gray|grey|yellow|orange)\\s*;");

    @Test
    void viewModelsNeverTouchNodes() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            String name = file.getFileName().toString();
            boolean model = name.endsWith("ViewModel.java") || name.endsWith("Model.java")
                    || file.startsWith(MAIN.resolve("session")) || name.equals("ContactItem.java")
                    || name.equals("TimelineEntry.java") || name.equals("NoticeBoard.java");
            if (model && Files.readString(file).contains("import javafx.scene")) {
                offenders.add(name);
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void onlyFxThreadHopsOntoTheFxThread() throws IOException {
        assertThat(filesContaining("Platform.")).containsExactly("FxThread.java");
    }

    @Test
    void noColoursOrInlineStylesInJava() throws IOException {
        assertThat(filesContaining("setStyle(")).isEmpty();
        assertThat(filesContaining("javafx.scene.paint.Color")).isEmpty();
    }

    @Test
    void viewPathsAreSpelledOnlyInTheViewEnum() throws IOException {
        assertThat(filesContaining(".fxml\"")).containsExactly("View.java");
        assertThat(filesContaining("_view")).containsExactly("View.java");
        for (View view : View.values()) {
            assertThat(view.fxml()).as(view + " fxml").isNotNull();
            assertThat(view.stylesheet()).as(view + " stylesheet").isNotNull();
        }
    }

    @Test
    void theDesktopUsesOnlyDomainApiAndClient() throws IOException {
        for (String forbidden : List.of("dev.switchboard.server", "dev.switchboard.store", "dev.switchboard.channels",
                "dev.switchboard.routing", "dev.switchboard.metrics", "dev.switchboard.app", "java.sql")) {
            assertThat(filesContaining("import " + forbidden)).as(forbidden).isEmpty();
        }
    }

    @Test
    void noSelectorIsInTwoViewsSheets() throws IOException {
        // every view's sheet is on the scene (SceneStyles), so two views must not style one selector
        Map<String, Set<String>> sheetsOf = new TreeMap<>();
        for (View view : View.values()) {
            String css = stripComments(Files.readString(STYLES.resolve(view.feature() + ".css")));
            Matcher rule = Pattern.compile("([^{}]+)\\{[^}]*}").matcher(css);
            while (rule.find()) {
                for (String selector : rule.group(1).split(",")) {
                    String s = selector.trim().replaceAll("\\s+", " ");
                    if (!s.isEmpty()) {
                        sheetsOf.computeIfAbsent(s, k -> new TreeSet<>()).add(view.feature());
                    }
                }
            }
        }
        assertThat(sheetsOf).isNotEmpty();
        sheetsOf.values().removeIf(sheets -> sheets.size() < 2);
        assertThat(sheetsOf).isEmpty();
    }

    @Test
    void coloursLiveOnlyInTheTokenSheets() throws IOException {
        Map<String, String> offenders = new TreeMap<>();
        try (Stream<Path> files = Files.list(STYLES)) {
            for (Path css : files.filter(p -> p.toString().endsWith(".css")).toList()) {
                String name = css.getFileName().toString();
                if (name.startsWith("tokens-")) {
                    continue;
                }
                Matcher m = COLOUR.matcher(stripComments(Files.readString(css)));
                if (m.find()) {
                    offenders.put(name, m.group());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void bothThemesDefineTheSameTokensAndNothingElse() throws IOException {
        Set<String> light = tokens(STYLES.resolve("tokens-light.css"));
        Set<String> dark = tokens(STYLES.resolve("tokens-dark.css"));
        assertThat(light).isEqualTo(dark).isNotEmpty();
        for (Path sheet : List.of(STYLES.resolve("tokens-light.css"), STYLES.resolve("tokens-dark.css"))) {
            String css = stripComments(Files.readString(sheet)).trim();
            assertThat(css).as(sheet + " has one .root block").startsWith(".root {").endsWith("}");
            assertThat(css.chars().filter(c -> c == '{').count()).isEqualTo(1);
        }
    }

    private static Set<String> tokens(Path sheet) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(-[a-z][a-z0-9-]*)\\s*:").matcher(stripComments(Files.readString(sheet)));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String stripComments(String css) {
        return css.replaceAll("(?s)/\\*.*?\\*/", "");
    }

    private static List<String> filesContaining(String text) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (Files.readString(file).contains(text)) {
                found.add(file.getFileName().toString());
            }
        }
        return found;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
