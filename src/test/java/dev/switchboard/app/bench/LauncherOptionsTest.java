package dev.switchboard.app.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The desktop's JVM options: read from the installer's file, and the same for ./mvnw javafx:run. */
class LauncherOptionsTest {

    @Test
    void readsEveryJavaOptionsLineInOrderAndSkipsTheRest() {
        List<String> lines = List.of("# --java-options -Xmx1g in a comment", "--name Switchboard",
                "--java-options -Xmx512m", "  --java-options \"-XX:+UseSerialGC\"  ", "--java-options-file x");
        assertThat(LauncherOptions.parse(lines)).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
    }

    @Test
    void aFileWithoutOptionsIsAnError() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--name Switchboard")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--java-options");
    }

    @Test
    void theInstallerBoundsTheHeapAndJavafxRunUsesTheSameOptions() throws Exception {
        List<String> launcher = LauncherOptions.read();
        assertThat(launcher).contains("-Xmx512m", "-XX:+UseSerialGC");

        String pom = Files.readString(Path.of("pom.xml"));
        int plugin = pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>");
        assertThat(plugin).isPositive();
        String options = pom.substring(pom.indexOf("<options>", plugin), pom.indexOf("</options>", plugin));
        List<String> run = new ArrayList<>();
        Matcher m = Pattern.compile("<option>([^<]*)</option>").matcher(options);
        while (m.find()) {
            run.add(m.group(1).strip());
        }
        assertThat(run).as("javafx-maven-plugin's <options> in pom.xml").isEqualTo(launcher);
    }
}
