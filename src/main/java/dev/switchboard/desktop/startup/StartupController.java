package dev.switchboard.desktop.startup;

import dev.switchboard.desktop.Subscriptions;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/** Binds the start-up window to its view model. */
public final class StartupController {
    private final StartupViewModel vm;
    private final Runnable quit;
    private final Subscriptions subscriptions = new Subscriptions();

    @FXML private Label headline;
    @FXML private Label detail;
    @FXML private ProgressBar progress;
    @FXML private HBox joinButtons;
    @FXML private Button joinButton;
    @FXML private Button quitButton;
    @FXML private Button closeButton;

    public StartupController(StartupViewModel vm, Runnable quit) {
        this.vm = vm;
        this.quit = quit;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(headline.textProperty(), vm.headlineProperty());
        subscriptions.bind(detail.textProperty(), vm.detailProperty());
        subscriptions.bind(progress.progressProperty(), vm.progressProperty());
        subscriptions.bind(progress.visibleProperty(), vm.askingProperty().or(vm.failedProperty()).not());
        subscriptions.bind(progress.managedProperty(), progress.visibleProperty());
        subscriptions.bind(joinButtons.visibleProperty(), vm.askingProperty());
        subscriptions.bind(joinButtons.managedProperty(), vm.askingProperty());
        subscriptions.bind(closeButton.visibleProperty(), vm.failedProperty());
        subscriptions.bind(closeButton.managedProperty(), vm.failedProperty());
        joinButton.setOnAction(e -> vm.join());
        quitButton.setOnAction(e -> vm.decline());
        closeButton.setOnAction(e -> quit.run());
        subscriptions.listen(vm.askingProperty(), (obs, was, now) -> {
            if (now) {
                joinButton.requestFocus();
            }
        });
    }

    public void dispose() {
        subscriptions.close();
    }
}
