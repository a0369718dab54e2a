package dev.switchboard.desktop.login;

import dev.switchboard.desktop.DemoAccount;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Subscriptions;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;

/** Binds the sign-in form to its view model; a demo row fills the form, a double-click signs in. */
public final class LoginController {
    private final LoginViewModel vm;
    private final EnumText enums;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> tableKeys = this::onTableKey;

    @FXML private Label serverLabel;
    @FXML private Label noticeLabel;
    @FXML private TextField username;
    @FXML private PasswordField password;
    @FXML private Label errorLabel;
    @FXML private Button signInButton;
    @FXML private ProgressIndicator progress;
    @FXML private TableView<DemoAccount> demoTable;
    @FXML private TableColumn<DemoAccount, String> userColumn;
    @FXML private TableColumn<DemoAccount, String> passwordColumn;
    @FXML private TableColumn<DemoAccount, String> roleColumn;

    public LoginController(LoginViewModel vm, EnumText enums) {
        this.vm = vm;
        this.enums = enums;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(serverLabel.textProperty(), vm.serverLabelProperty());
        subscriptions.bind(noticeLabel.textProperty(), vm.noticeProperty());
        showWhenText(noticeLabel);
        subscriptions.bindBidirectional(username.textProperty(), vm.usernameProperty());
        subscriptions.bindBidirectional(password.textProperty(), vm.passwordProperty());
        subscriptions.bind(errorLabel.textProperty(), vm.errorProperty());
        showWhenText(errorLabel);
        subscriptions.bind(progress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(progress.managedProperty(), vm.busyProperty());
        subscriptions.bind(signInButton.disableProperty(), vm.canSignInProperty().not());
        subscriptions.bind(username.disableProperty(), vm.busyProperty());
        subscriptions.bind(password.disableProperty(), vm.busyProperty());

        userColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().username()));
        passwordColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().password()));
        roleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(enums.role(c.getValue().role())));
        demoTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        demoTable.setItems(vm.demoAccounts());
        demoTable.setRowFactory(table -> {
            TableRow<DemoAccount> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (row.isEmpty() || e.getButton() != MouseButton.PRIMARY) {
                    return;
                }
                if (e.getClickCount() >= 2) {
                    vm.signInAs(row.getItem());
                } else {
                    vm.fill(row.getItem());
                }
            });
            return row;
        });
        subscriptions.listen(demoTable.getSelectionModel().selectedItemProperty(), (obs, old, now) -> vm.fill(now));
        demoTable.addEventFilter(KeyEvent.KEY_PRESSED, tableKeys);
        subscriptions.onClose(() -> demoTable.removeEventFilter(KeyEvent.KEY_PRESSED, tableKeys));
    }

    /** Where the cursor goes when the window opens. */
    public void focus() {
        username.requestFocus();
    }

    @FXML
    private void signIn() {
        vm.signIn();
    }

    private void onTableKey(KeyEvent e) {
        DemoAccount chosen = demoTable.getSelectionModel().getSelectedItem();
        if (e.getCode() == KeyCode.ENTER && chosen != null) {
            vm.signInAs(chosen);
            e.consume();
        }
    }

    private void showWhenText(Label label) {
        subscriptions.bind(label.visibleProperty(), label.textProperty().isNotEmpty());
        subscriptions.bind(label.managedProperty(), label.visibleProperty());
    }

    public void dispose() {
        subscriptions.close();
        demoTable.setItems(null);
    }
}
