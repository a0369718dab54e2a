package dev.switchboard.desktop.admin;

import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

import java.util.function.Function;

/**
 * Binds the Administration tab: the People table with its filter (Ctrl+F), New person and Edit (or a
 * double click, or Enter on a row) opening the person dialog, and the audit log with its filters (Enter
 * in one searches).
 */
public final class AdminController {
    private static final KeyCombination FIND = KeyCombination.valueOf("Shortcut+F");

    private final AdminViewModel vm;
    private final Messages messages;
    private final EnumText enums;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final EventHandler<MouseEvent> doubleClick = e -> {
        if (e.getClickCount() == 2) {
            editPerson();
        }
    };

    @FXML private SplitPane root;
    @FXML private Button newButton;
    @FXML private Button editButton;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label statusLabel;
    @FXML private TextField filterField;
    @FXML private Label errorLabel;
    @FXML private TableView<PersonRow> peopleTable;
    @FXML private TextField auditUser;
    @FXML private TextField auditAction;
    @FXML private TextField auditText;
    @FXML private Button searchButton;
    @FXML private ProgressIndicator auditBusy;
    @FXML private Label auditErrorLabel;
    @FXML private TableView<AuditRow> auditTable;

    public AdminController(AdminViewModel vm, Messages messages, EnumText enums) {
        this.vm = vm;
        this.messages = messages;
        this.enums = enums;
    }

    @FXML
    private void initialize() {
        SortedList<PersonRow> sorted = new SortedList<>(vm.people());
        subscriptions.bind(sorted.comparatorProperty(), peopleTable.comparatorProperty());
        peopleTable.setItems(sorted);
        peopleTable.getColumns().setAll(
                column("admin.people.username", PersonRow::username, 120),
                column("admin.people.name", PersonRow::name, 170),
                column("admin.people.role", PersonRow::roleText, 120),
                column("admin.people.team", PersonRow::teamText, 130),
                column("admin.people.disabled", PersonRow::disabledText, 90),
                column("admin.people.skills", PersonRow::skillsText, 260));
        peopleTable.setPlaceholder(new Label(messages.get("admin.people.none")));
        peopleTable.addEventHandler(MouseEvent.MOUSE_CLICKED, doubleClick);
        subscriptions.onClose(() -> peopleTable.removeEventHandler(MouseEvent.MOUSE_CLICKED, doubleClick));
        subscriptions.bind(editButton.disableProperty(), peopleTable.getSelectionModel().selectedItemProperty().isNull());
        subscriptions.bindBidirectional(filterField.textProperty(), vm.filterProperty());
        filterField.setAccessibleText(messages.get("admin.people.filter"));

        auditTable.setItems(vm.audit());
        auditTable.getColumns().setAll(
                column("admin.audit.when", AuditRow::when, 160),
                column("admin.audit.who", AuditRow::who, 130),
                column("admin.audit.actionColumn", AuditRow::action, 150),
                column("admin.audit.subject", AuditRow::subject, 160),
                column("admin.audit.before", AuditRow::before, 200),
                column("admin.audit.after", AuditRow::after, 260));
        auditTable.setPlaceholder(new Label(messages.get("admin.audit.none")));
        subscriptions.bindBidirectional(auditUser.textProperty(), vm.auditUserProperty());
        subscriptions.bindBidirectional(auditAction.textProperty(), vm.auditActionProperty());
        subscriptions.bindBidirectional(auditText.textProperty(), vm.auditTextProperty());
        for (TextField f : new TextField[] {auditUser, auditAction, auditText}) {
            f.setAccessibleText(f.getPromptText());
            f.setOnAction(e -> searchAudit());
        }

        subscriptions.bind(loadingIndicator.visibleProperty(), vm.loadingProperty());
        subscriptions.bind(auditBusy.visibleProperty(), vm.searchingProperty());
        subscriptions.bind(searchButton.disableProperty(), vm.searchingProperty());
        subscriptions.bind(statusLabel.textProperty(), vm.statusProperty());
        subscriptions.bind(errorLabel.textProperty(), vm.errorProperty());
        shown(errorLabel);
        subscriptions.bind(auditErrorLabel.textProperty(), vm.auditErrorProperty());
        shown(auditErrorLabel);
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
    }

    /** The tab was opened: ask the server, and put the cursor in the filter. */
    public void opened() {
        vm.load();
        filterField.requestFocus();
    }

    public Node root() {
        return root;
    }

    public void dispose() {
        subscriptions.close();
        peopleTable.setItems(null);
        auditTable.setItems(null);
        vm.dispose();
    }

    @FXML
    private void newPerson() {
        PersonForm form = vm.newPerson();
        if (form != null) {
            PersonDialog.open(root, form, messages, enums, vm::saved);
        }
    }

    @FXML
    private void editPerson() {
        PersonForm form = vm.edit(peopleTable.getSelectionModel().getSelectedItem());
        if (form != null) {
            PersonDialog.open(root, form, messages, enums, vm::saved);
        }
    }

    @FXML
    private void searchAudit() {
        vm.searchAudit();
    }

    private void onKey(KeyEvent e) {
        if (FIND.match(e)) {
            filterField.requestFocus();
            filterField.selectAll();
        } else if (e.getCode() == KeyCode.ENTER && peopleTable.isFocused()) {
            editPerson();
        } else {
            return;
        }
        e.consume();
    }

    private void shown(Label label) {
        subscriptions.bind(label.visibleProperty(), label.textProperty().isNotEmpty());
        subscriptions.bind(label.managedProperty(), label.visibleProperty());
    }

    private <R> TableColumn<R, String> column(String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
