package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.PickedFiles;
import dev.switchboard.desktop.SceneStyles;
import dev.switchboard.desktop.View;
import dev.switchboard.desktop.ViewLoader;
import dev.switchboard.domain.Role;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Consumer;

import static dev.switchboard.desktop.FxTestSupport.onFx;

/** A supervisor's dashboard on a test's stage, over a fake server, with its dialogs closed at the end. */
final class DashboardOnStage {
    final Harness h;
    final SupervisorController controller;
    private final Stage stage;

    /** {@code extras} gives the controller what the desktop would (before its view is loaded). */
    DashboardOnStage(Stage stage, Consumer<Harness> data,
                     java.util.function.BiConsumer<Harness, SupervisorController> extras) {
        this.stage = stage;
        h = Harness.inline();
        h.api.useRole(Role.SUPERVISOR);
        h.api.dashboard = Dashboards.of(72.0);
        h.api.intervals = Dashboards.intervals();
        data.accept(h);
        SupervisorViewModel vm = h.w.supervisor();
        ViewLoader.Loaded<SupervisorController> view = new ViewLoader(h.messages)
                .register(SupervisorController.class, () -> {
                    SupervisorController c = new SupervisorController(vm, h.messages, new PickedFiles());
                    extras.accept(h, c);
                    return c;
                })
                .load(View.SUPERVISOR, SupervisorController.class);
        controller = view.controller();
        Scene scene = new Scene(view.root(), 1200, 800);
        SceneStyles.follow(scene, h.theme);
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    void close() {
        onFx(() -> {
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window != stage && window instanceof Stage dialog) {
                    dialog.close();
                }
            }
            stage.getScene().setRoot(new javafx.scene.layout.Pane());
            controller.dispose();
        });
        h.w.close();
    }
}
