package dev.switchboard.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package boundaries of docs/architecture.md, kept by the build. Each part may use only the
 * parts its row names, so the model stays free of I/O, the server free of the UI, and the desktop
 * free of the server's insides.
 */
class ArchitectureTest {
    private static final String BASE = "dev.switchboard.";

    /** Part → the parts it may import, with the reason. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "domain", List.of(),                                   // pure model and rules
            "api", List.of("domain"),                              // the wire speaks the model's words
            "routing", List.of("domain"),                          // pure decisions, no I/O
            "metrics", List.of("domain"),                          // pure computation
            "store", List.of("domain"),                            // persistence of the model only
            "channels", List.of("domain", "api"),                  // protocols hand over wire records
            "server", List.of("domain", "api", "routing", "metrics", "store", "channels"),
            "client", List.of("domain", "api"),                    // the desktop's link, no server insides
            "desktop", List.of("domain", "api", "client"));        // UI talks to the server only over the client

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("dev.switchboard");
    }

    static Stream<String> parts() {
        return ALLOWED.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("parts")
    void aPartImportsOnlyWhatItsRowAllows(String part) {
        String[] allowed = Stream.concat(Stream.of(part), ALLOWED.get(part).stream())
                .map(p -> BASE + p + "..").toArray(String[]::new);
        ArchRule rule = classes().that().resideInAPackage(BASE + part + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.switchboard..")
                        .or(resideInAnyPackage(allowed)))
                .because(part + " may import only " + Arrays.toString(allowed))
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void onlyTheDesktopUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage(BASE + "desktop..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kordamp.ikonli..")
                .because("the server, the store and the pure parts must run without a display")
                .check(classes);
    }

    @Test
    void theDesktopNeverTouchesADatabaseOrTheServerFramework() {
        noClasses().that().resideInAPackage(BASE + "desktop..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.javalin..",
                        "org.h2..", "com.zaxxer..", "org.flywaydb..")
                .because("the desktop reaches data only through the client")
                .check(classes);
    }

    @Test
    void thePureModelDoesNoIo() {
        noClasses().that().resideInAnyPackage(BASE + "domain..", BASE + "routing..", BASE + "metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "java.nio.file..",
                        "okhttp3..", "io.javalin..")
                .because("rules and decisions are tested without I/O")
                .check(classes);
    }
}
