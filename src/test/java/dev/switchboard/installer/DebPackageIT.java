package dev.switchboard.installer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The Linux package as a user gets it: the .deb the build made (in the package phase, see the
 * installer-linux profile), unpacked with {@code dpkg-deb -x} instead of installed, its control fields,
 * menu entry and icon checked, then its launcher started on a virtual display with a fresh data
 * directory, until the embedded default is up: the server answering {@code /health} at the address it
 * publishes in the data directory, and the sign-in window shown. Nothing here is skipped: no .deb
 * fails the test.
 */
class DebPackageIT {
    private static final Path SOURCE_ICON = Path.of("installer/linux/Switchboard.png");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    @TempDir
    static Path tmp;

    private static Path deb;
    private static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        Path dir = Path.of(System.getProperty("sb.installer.dir", "target/installer"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().endsWith(".deb")).toList();
            assertThat(debs).as("the .deb the package phase builds in %s", dir).hasSize(1);
            deb = debs.get(0);
        } catch (java.nio.file.NoSuchFileException e) {
            fail("no installer folder " + dir + ": the package phase did not build the .deb");
        }
        root = tmp.resolve("root");
        Commands.run(tmp, Duration.ofMinutes(2), "dpkg-deb", "-x", deb.toString(), root.toString());
    }

    @Test
    void controlFieldsNameTheProductItsVersionAndGtk() throws Exception {
        Map<String, String> control = Commands.fields(
                Commands.run(tmp, Duration.ofSeconds(30), "dpkg-deb", "-f", deb.toString()), ':');
        String version = System.getProperty("sb.project.version", "").replaceFirst("-.*$", "");
        assertThat(version).as("the project version (sb.project.version)").isNotEmpty();
        assertThat(control.get("Package")).isEqualTo("switchboard");
        assertThat(control.get("Version")).startsWith(version + "-");
        assertThat(control.get("Architecture")).isNotBlank();
        assertThat(control.get("Depends")).contains("libgtk-3-0");
        assertThat(control.get("Description")).contains("contact-centre");
        assertThat(control.get("Maintainer")).matches("[^<>]+ <[^<>@\\s]+@[^<>\\s]+>");
    }

    @Test
    void menuEntryIconAndLauncherOptionsAreInThePackage() throws Exception {
        Path app = root.resolve("opt/switchboard");
        Path launcher = app.resolve("bin/Switchboard");
        assertThat(launcher).isExecutable();
        Path icon = app.resolve("lib/Switchboard.png");
        assertThat(Files.readAllBytes(icon)).as("the icon drawn for Switchboard").isEqualTo(Files.readAllBytes(SOURCE_ICON));

        Path desktop = app.resolve("lib/switchboard-Switchboard.desktop");
        Map<String, String> entry = Commands.fields(Files.readString(desktop, StandardCharsets.UTF_8), '=');
        assertThat(entry).containsEntry("Name", "Switchboard")
                .containsEntry("Exec", "/opt/switchboard/bin/Switchboard")
                .containsEntry("Icon", "/opt/switchboard/lib/Switchboard.png")
                .containsEntry("Type", "Application");
        assertThat(entry.get("Categories")).contains("Office;");
        // installing the package puts the entry into the menu
        Path scripts = tmp.resolve("control");
        Commands.run(tmp, Duration.ofSeconds(30), "dpkg-deb", "-e", deb.toString(), scripts.toString());
        assertThat(Files.readString(scripts.resolve("postinst"))).contains("xdg-desktop-menu install")
                .contains("switchboard-Switchboard.desktop");

        String cfg = Files.readString(app.resolve("lib/app/Switchboard.cfg"), StandardCharsets.UTF_8);
        assertThat(cfg).contains("app.mainclass=dev.switchboard.app.Main");
        // every JVM option of installer/jpackage.txt, each on its own line
        for (String line : Files.readAllLines(Path.of("installer", "jpackage.txt"))) {
            if (line.startsWith("--java-options ")) {
                assertThat(cfg).contains("java-options=" + line.substring("--java-options ".length()).strip());
            }
        }
        assertThat(app.resolve("lib/runtime/lib/libglassgtk3.so")).as("JavaFX's native libraries in the runtime").exists();
    }

    @Test
    void launcherStartsTheEmbeddedDefaultOnAVirtualDisplay() throws Exception {
        Path launcher = root.resolve("opt/switchboard/bin/Switchboard");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path data = tmp.resolve("data");
        String signIn = ResourceBundle.getBundle("i18n.messages", Locale.ROOT).getString("login.window.title");
        try (VirtualDisplay display = VirtualDisplay.start(tmp.resolve("xvfb.log"));
             LauncherRun run = LauncherRun.start(tmp.resolve("launcher.log"), Map.of(
                             "DISPLAY", display.name(), "HOME", home.toString(),
                             "XDG_DATA_HOME", home.resolve(".local/share").toString()),
                     launcher.toString(), "--data-dir", data.toString(), "--customers", "200",
                     "--simulate-every", "2")) {
            try {
                await("the embedded server answering /health at the address in " + data)
                        .atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .failFast("the launcher ended", () -> !run.alive())
                        .until(() -> Health.ok(data.resolve("server.url")));
                System.out.println("the embedded server answers at " + Files.readString(data.resolve("server.url")));
                await("the window \"" + signIn + "\" on " + display.name())
                        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .failFast("the launcher ended", () -> !run.alive())
                        .until(() -> display.shownTitles().contains(signIn));
                await("the launcher staying up, /health answering, while the simulator sends traffic")
                        .during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> run.alive() && Health.ok(data.resolve("server.url")));
                assertThat(home.resolve(".openjfx")).as("JavaFX's native libraries loaded from the runtime, "
                        + "not unpacked into the home folder").doesNotExist();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- launcher output ---\n" + run.output(), e);
            }
            assertThat(run.stop(Duration.ofSeconds(30)))
                    .as("the launcher ends on SIGTERM within 30 s\n--- launcher output ---\n%s", run.output()).isTrue();
        }
        assertThat(Commands.processesMentioning(tmp.toString())).as("processes left behind").isEmpty();
    }

    @AfterAll
    static void noLeftovers() {
        Commands.processesMentioning(tmp.toString()).forEach(ProcessHandle::destroyForcibly);
    }

    /** {@code /health} at the published address answers 200 and "ok"; false while it is not there yet. */
    private static final class Health {
        static boolean ok(Path addressFile) {
            try {
                if (!Files.exists(addressFile)) {
                    return false;
                }
                String base = Files.readString(addressFile, StandardCharsets.UTF_8).trim();
                return Commands.httpGet(base + "/health").contains("\"ok\"");
            } catch (IOException e) {
                return false;
            }
        }
    }
}
