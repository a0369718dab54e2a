package dev.switchboard.desktop;

import dev.switchboard.api.LoginResponse;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.startup.StartupController;
import dev.switchboard.desktop.startup.StartupViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Starts desktops from a plain {@code main} thread: the person's desktop (against a server address,
 * or with the embedded server started behind a progress window), and desktops with nobody at the
 * keyboard (the benchmark). Every method here blocks its caller, never the FX thread.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /** What starting the embedded server came to. */
    public sealed interface Outcome {
        /** The server runs at {@code baseUrl} on {@code dataDir}; its demo accounts are shown on the login window. */
        record Started(String baseUrl, String dataDir, List<DemoAccount> accounts) implements Outcome {
        }

        /** Another desktop runs on the same data directory; {@code address} is its server (null if unknown). */
        record InUse(String dataDir, String address, List<DemoAccount> accounts) implements Outcome {
        }
    }

    /** Starts the embedded server, telling the window how far it got; throws when it cannot. */
    @FunctionalInterface
    public interface EmbeddedStart {
        Outcome start(Progress progress) throws Exception;
    }

    /** Progress of a start-up step; may be called from any thread. */
    @FunctionalInterface
    public interface Progress {
        void update(String phase, long done, long total);
    }

    public static void startToolkit() {
        FxThread.startToolkit();
    }

    /**
     * The person's desktop against a running server; returns when it is closed, after signing the
     * agent out so the server stops offering them contacts.
     */
    public static void runRemote(DesktopOptions options, SwitchboardApi api) {
        startToolkit();
        CountDownLatch closed = new CountDownLatch(1);
        FxThread.callAndWait(() -> {
            Desktop d = new Desktop(options, api);
            d.onStopped(closed::countDown);
            d.start(new Stage());
            return null;
        });
        await(closed);
        signOutQuietly(api);
    }

    /** Best effort: a desktop that closes should not leave its agent "ready" at an empty desk. */
    private static void signOutQuietly(SwitchboardApi api) {
        try {
            api.logout();
        } catch (RuntimeException ignored) {
            // the server is gone or the session already ended: nothing to sign out of
        }
    }

    /**
     * The person's desktop on the embedded server: a start-up window shows progress while
     * {@code start} runs; then the login window takes its place. When another desktop holds the data
     * directory, the window asks whether to use that one's server instead. Returns when the desktop is
     * closed (or the person declined or starting failed).
     */
    public static void runEmbedded(String theme, EmbeddedStart start, Function<String, SwitchboardApi> apiFor) {
        startToolkit();
        Messages messages = Messages.load(Locale.getDefault());
        ThemeModel themeModel = new ThemeModel(Theme.parse(theme));
        CountDownLatch closed = new CountDownLatch(1);
        FxThread fx = new FxThread();
        StartupViewModel vm = new StartupViewModel(messages);
        Stage stage = FxThread.callAndWait(() -> {
            Stage s = new Stage();
            ViewLoader loader = new ViewLoader(messages)
                    .register(StartupController.class, () -> new StartupController(vm, closed::countDown));
            ViewLoader.Loaded<StartupController> view = loader.load(View.STARTUP, StartupController.class);
            Scene scene = new Scene(view.root(), 560, 320);
            Registration styles = SceneStyles.follow(scene, themeModel);
            s.setScene(scene);
            s.setTitle(messages.get("startup.window.title"));
            s.setOnCloseRequest(e -> closed.countDown());
            s.setOnHidden(e -> {
                view.controller().dispose();
                styles.close();
            });
            s.show();
            return s;
        });
        Outcome outcome;
        try {
            outcome = start.start((phase, done, total) -> fx.execute(() -> vm.progress(phase, done, total)));
        } catch (Exception e) {
            fx.execute(() -> vm.failed(e.getMessage()));
            await(closed);
            FxThread.callAndWait(() -> {
                stage.close();
                return null;
            });
            return;
        }
        SwitchboardApi joined = null;
        if (outcome instanceof Outcome.Started started) {
            String label = messages.format("login.server.embedded", started.baseUrl().replaceFirst("^https?://", ""),
                    started.dataDir());
            open(stage, new DesktopOptions(label, started.accounts(), theme, null), apiFor.apply(started.baseUrl()), closed);
        } else if (outcome instanceof Outcome.InUse inUse) {
            CompletableFuture<Boolean> join = new CompletableFuture<>();
            fx.execute(() -> vm.askToJoin(inUse.dataDir(), inUse.address(), join::complete));
            boolean yes = CompletableFuture.anyOf(join, CompletableFuture.runAsync(() -> await(closed)))
                    .thenApply(x -> join.getNow(false)).join();
            if (yes) {
                joined = apiFor.apply(inUse.address());
                open(stage, new DesktopOptions(inUse.address(), inUse.accounts(), theme,
                        messages.get("login.notice.joined")), joined, closed);
            } else {
                FxThread.callAndWait(() -> {
                    stage.close();
                    return null;
                });
                return;
            }
        }
        await(closed);
        if (joined != null) {
            // the other desktop's server lives on: sign this agent out of it (our own server just stops)
            signOutQuietly(joined);
        }
    }

    private static void open(Stage stage, DesktopOptions options, SwitchboardApi api, CountDownLatch closed) {
        FxThread.callAndWait(() -> {
            Desktop d = new Desktop(options, api);
            d.onStopped(closed::countDown);
            d.start(stage);
            return null;
        });
    }

    /** A desktop in its own window, straight at the main window for an agent signed in already. */
    public static Desktop openSignedIn(DesktopOptions options, SwitchboardApi api, LoginResponse login) {
        return FxThread.callAndWait(() -> {
            Desktop desktop = new Desktop(options, api);
            desktop.startSignedIn(new Stage(), login);
            return desktop;
        });
    }

    public static void close(Desktop desktop) {
        FxThread.callAndWait(() -> {
            desktop.stop();
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
