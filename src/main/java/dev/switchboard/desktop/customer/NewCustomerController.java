package dev.switchboard.desktop.customer;

import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.domain.ContactKind;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Map;

/**
 * The new-customer form: Enter in any field saves, Escape cancels; a refused field is marked. Possible
 * duplicates show under the fields as they are found; Enter or a double click on one (or Use this
 * customer) takes it instead, and Save then reads "Create anyway".
 */
public final class NewCustomerController {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final NewCustomerViewModel vm;
    private final Messages messages;
    private final EnumText enums;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> escape = this::onKey;

    @FXML private VBox root;
    @FXML private Label titleLabel;
    @FXML private TextField firstName;
    @FXML private TextField lastName;
    @FXML private TextField company;
    @FXML private Label addressLabel;
    @FXML private ChoiceBox<ContactKind> kind;
    @FXML private TextField address;
    @FXML private ChoiceBox<String> salutation;
    @FXML private TextField postcode;
    @FXML private VBox duplicatesBox;
    @FXML private ProgressIndicator duplicatesProgress;
    @FXML private Label duplicatesNote;
    @FXML private ListView<DuplicateRow> duplicateList;
    @FXML private Button useDuplicateButton;
    @FXML private Label errorLabel;
    @FXML private Button saveButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator progress;

    public NewCustomerController(NewCustomerViewModel vm, Messages messages, EnumText enums) {
        this.vm = vm;
        this.messages = messages;
        this.enums = enums;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(titleLabel.textProperty(), vm.titleProperty());
        subscriptions.bindBidirectional(firstName.textProperty(), vm.firstNameProperty());
        subscriptions.bindBidirectional(lastName.textProperty(), vm.lastNameProperty());
        subscriptions.bindBidirectional(company.textProperty(), vm.companyProperty());
        subscriptions.bindBidirectional(address.textProperty(), vm.addressProperty());
        subscriptions.bind(addressLabel.textProperty(), vm.addressLabelProperty());
        kind.getItems().setAll(ContactKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ContactKind k) {
                return k == null ? "" : enums.contactKind(k);
            }

            @Override
            public ContactKind fromString(String s) {
                return null;
            }
        });
        subscriptions.bindBidirectional(kind.valueProperty(), vm.kindProperty());
        salutation.setItems(vm.salutations());
        salutation.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? messages.get("customer.salutation.none") : s;
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        subscriptions.bindBidirectional(salutation.valueProperty(), vm.salutationProperty());
        subscriptions.bindBidirectional(postcode.textProperty(), vm.postcodeProperty());
        bindDuplicates();
        subscriptions.bind(kind.visibleProperty(), vm.linkedProperty().not());
        subscriptions.bind(kind.managedProperty(), kind.visibleProperty());
        subscriptions.bind(address.editableProperty(), vm.linkedProperty().not());
        subscriptions.bind(errorLabel.textProperty(), vm.errorProperty());
        subscriptions.bind(errorLabel.visibleProperty(), vm.errorProperty().isNotEmpty());
        subscriptions.bind(errorLabel.managedProperty(), errorLabel.visibleProperty());
        subscriptions.bind(saveButton.disableProperty(), vm.canSaveProperty().not());
        subscriptions.bind(progress.visibleProperty(), vm.savingProperty());
        subscriptions.listen(vm.errorFieldProperty(), (obs, old, now) -> markInvalid(now));
        saveButton.setTooltip(new Tooltip(messages.get("customer.save.tooltip")));
        cancelButton.setTooltip(new Tooltip(messages.get("customer.cancel.tooltip")));
        for (TextField f : new TextField[] {firstName, lastName, company, address, postcode}) {
            f.setOnAction(e -> vm.save());
        }
        root.addEventFilter(KeyEvent.KEY_PRESSED, escape);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, escape));
    }

    private void bindDuplicates() {
        duplicateList.setItems(vm.duplicates());
        duplicateList.setCellFactory(list -> new DuplicateCell());
        subscriptions.bind(duplicatesBox.visibleProperty(), Bindings.isNotEmpty(vm.duplicates())
                .or(vm.duplicatesNoteProperty().isNotEmpty()));
        subscriptions.bind(duplicatesBox.managedProperty(), duplicatesBox.visibleProperty());
        subscriptions.bind(duplicateList.visibleProperty(), Bindings.isNotEmpty(vm.duplicates()));
        subscriptions.bind(duplicateList.managedProperty(), duplicateList.visibleProperty());
        subscriptions.bind(useDuplicateButton.visibleProperty(), duplicateList.visibleProperty());
        subscriptions.bind(useDuplicateButton.managedProperty(), duplicateList.visibleProperty());
        subscriptions.bind(useDuplicateButton.disableProperty(), duplicateList.getSelectionModel()
                .selectedItemProperty().isNull().or(vm.savingProperty()));
        subscriptions.bind(duplicatesProgress.visibleProperty(), vm.checkingProperty());
        subscriptions.bind(duplicatesNote.textProperty(), vm.duplicatesNoteProperty());
        subscriptions.bind(saveButton.textProperty(), Bindings.when(Bindings.isEmpty(vm.duplicates()))
                .then(messages.get("customer.save")).otherwise(messages.get("customer.duplicates.createAnyway")));
        useDuplicateButton.setTooltip(new Tooltip(messages.get("customer.duplicates.use.tooltip")));
        duplicateList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !duplicateList.getSelectionModel().isEmpty()) {
                useDuplicate();
                e.consume();
            }
        });
        duplicateList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !duplicateList.getSelectionModel().isEmpty()) {
                useDuplicate();
            }
        });
        subscriptions.onClose(() -> {
            duplicateList.setOnKeyPressed(null);
            duplicateList.setOnMouseClicked(null);
            duplicateList.setItems(null);
        });
    }

    /** Puts the cursor in the first empty name field. */
    public void focus() {
        firstName.requestFocus();
    }

    public Node root() {
        return root;
    }

    public void dispose() {
        subscriptions.close();
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void useDuplicate() {
        vm.useDuplicate(duplicateList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            vm.cancel();
            e.consume();
        }
    }

    private void markInvalid(String field) {
        Map<String, Node> byField = Map.of("firstName", firstName, "lastName", lastName, "company", company,
                "contactPoints", address, "salutation", salutation, "postcode", postcode);
        byField.values().forEach(n -> n.pseudoClassStateChanged(INVALID, false));
        // the server names nested fields like "contactPoints[0].value": the part before '[' or '.' is ours
        String head = field == null ? "" : field.split("[\\[.]", 2)[0];
        Node blamed = byField.get(head);
        if (blamed != null) {
            blamed.pseudoClassStateChanged(INVALID, true);
        }
    }

    /** A suggested customer: the name, how to reach them and the postcode, and why they were suggested. */
    private static final class DuplicateCell extends ListCell<DuplicateRow> {
        private final Label name = new Label();
        private final Label details = new Label();
        private final Label reasons = new Label();
        private final VBox box = new VBox(1, name, details, reasons);

        DuplicateCell() {
            name.getStyleClass().add("customer-duplicate-name");
            details.getStyleClass().add("customer-duplicate-details");
            reasons.getStyleClass().add("customer-duplicate-reasons");
            box.getStyleClass().add("customer-duplicate");
        }

        @Override
        protected void updateItem(DuplicateRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(row.name());
            details.setText(row.details());
            details.setVisible(!row.details().isEmpty());
            details.setManaged(details.isVisible());
            reasons.setText(row.reasons());
            setText(null);
            setGraphic(box);
        }
    }
}
