package dev.switchboard.desktop.ticket;

import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import dev.switchboard.domain.Severity;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Function;

/**
 * The new-ticket panel, floating over the card: the subject first, Tab through kind, priority and
 * (for a complaint) its own fields, then the note; Ctrl+Enter creates, Escape closes. Each field the
 * check finds wanting says so under itself.
 */
public final class NewTicketController {
    private final NewTicketViewModel vm;
    private final Messages messages;
    private final EnumText enums;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> keys = this::onKey;

    @FXML private VBox root;
    @FXML private Label title;
    @FXML private Button closeButton;
    @FXML private Label newTicketSubjectLabel;
    @FXML private TextField newTicketSubject;
    @FXML private Label newTicketSubjectError;
    @FXML private Label kindLabel;
    @FXML private ChoiceBox<TicketKind> newKind;
    @FXML private Label priorityLabel;
    @FXML private ChoiceBox<TicketPriority> newPriority;
    @FXML private VBox complaintBox;
    @FXML private Label severityLabel;
    @FXML private ComboBox<Severity> newSeverity;
    @FXML private Label severityError;
    @FXML private Label departmentLabel;
    @FXML private ComboBox<String> newDepartment;
    @FXML private Label departmentError;
    @FXML private Label categoryLabel;
    @FXML private ComboBox<String> newCategory;
    @FXML private Label categoryError;
    @FXML private Label promisedLabel;
    @FXML private DatePicker promisedDate;
    @FXML private TextField promisedTime;
    @FXML private Label promisedError;
    @FXML private Label newCallbackLabel;
    @FXML private ChoiceBox<NewTicketViewModel.Callback> newCallback;
    @FXML private Label callbackHelp;
    @FXML private Label noteLabel;
    @FXML private TextArea newNote;
    @FXML private Label error;
    @FXML private Label linkedHint;
    @FXML private ProgressIndicator progress;
    @FXML private Button createTicketButton;

    public NewTicketController(NewTicketViewModel vm, Messages messages, EnumText enums) {
        this.vm = vm;
        this.messages = messages;
        this.enums = enums;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(root.visibleProperty(), vm.openProperty());
        subscriptions.bind(root.managedProperty(), vm.openProperty());
        subscriptions.bind(title.textProperty(), vm.titleProperty());
        subscriptions.bindBidirectional(newTicketSubject.textProperty(), vm.subjectProperty());
        choices(newKind, List.of(TicketKind.values()), enums::kind);
        subscriptions.bindBidirectional(newKind.valueProperty(), vm.kindProperty());
        choices(newPriority, List.of(TicketPriority.values()), enums::priority);
        subscriptions.bindBidirectional(newPriority.valueProperty(), vm.priorityProperty());
        subscriptions.bind(complaintBox.visibleProperty(), vm.complaintProperty());
        subscriptions.bind(complaintBox.managedProperty(), vm.complaintProperty());
        newSeverity.getItems().setAll(List.of(Severity.values()));
        newSeverity.setConverter(converter(enums::severity));
        subscriptions.bindBidirectional(newSeverity.valueProperty(), vm.severityProperty());
        suggestions(newDepartment, vm.departments());
        subscriptions.bindBidirectional(newDepartment.getEditor().textProperty(), vm.departmentProperty());
        suggestions(newCategory, vm.categories());
        subscriptions.bindBidirectional(newCategory.getEditor().textProperty(), vm.categoryProperty());
        subscriptions.bindBidirectional(promisedDate.valueProperty(), vm.promisedDateProperty());
        subscriptions.bindBidirectional(promisedTime.textProperty(), vm.promisedTimeProperty());
        choices(newCallback, List.of(NewTicketViewModel.Callback.values()), vm::callbackText);
        subscriptions.bindBidirectional(newCallback.valueProperty(), vm.callbackProperty());
        subscriptions.bind(callbackHelp.textProperty(), vm.callbackHelpProperty());
        subscriptions.bindBidirectional(newNote.textProperty(), vm.noteProperty());
        subscriptions.bind(linkedHint.textProperty(), vm.linkedProperty());
        newTicketSubjectLabel.setLabelFor(newTicketSubject);
        kindLabel.setLabelFor(newKind);
        priorityLabel.setLabelFor(newPriority);
        severityLabel.setLabelFor(newSeverity);
        departmentLabel.setLabelFor(newDepartment);
        categoryLabel.setLabelFor(newCategory);
        promisedLabel.setLabelFor(promisedDate);
        newCallbackLabel.setLabelFor(newCallback);
        noteLabel.setLabelFor(newNote);
        shownError(newTicketSubjectError, vm.subjectErrorProperty());
        shownError(severityError, vm.severityErrorProperty());
        shownError(departmentError, vm.departmentErrorProperty());
        shownError(categoryError, vm.categoryErrorProperty());
        shownError(promisedError, vm.promisedErrorProperty());
        shownError(error, vm.errorProperty());
        subscriptions.bind(progress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(createTicketButton.disableProperty(), vm.busyProperty());
        createTicketButton.setTooltip(new Tooltip(messages.format("ticket.new.create.tooltip",
                Shortcuts.SUBMIT.getDisplayText())));
        closeButton.setTooltip(new Tooltip(messages.get("panel.close.tooltip")));
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
        subscriptions.listen(vm.openProperty(), (obs, old, now) -> {
            if (now) {
                // a fresh form: the suggestion boxes forget the last pick too
                newDepartment.setValue(null);
                newCategory.setValue(null);
                newTicketSubject.requestFocus();
            }
        });
        // after a refusal the cursor goes to the first field named
        subscriptions.listen(vm.busyProperty(), (obs, old, now) -> {
            if (!now && vm.openProperty().get()) {
                focusFirstError();
            }
        });
    }

    public void dispose() {
        subscriptions.close();
    }

    /** Ctrl+Enter of the window while the panel is open. */
    @FXML
    public void submit() {
        commitEditors();
        vm.save();
        focusFirstError();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            if (!newSeverity.isShowing() && !newDepartment.isShowing() && !newCategory.isShowing()
                    && !promisedDate.isShowing()) {
                vm.cancel();
                e.consume();
            }
        } else if (e.getTarget() == newNote && e.getCode() == KeyCode.TAB && !e.isShiftDown() && !e.isShortcutDown()) {
            // Tab leaves the note instead of typing a tab into it
            createTicketButton.requestFocus();
            e.consume();
        }
    }

    /** A date typed but not yet confirmed with Enter still counts. */
    private void commitEditors() {
        String typed = promisedDate.getEditor().getText();
        if (typed == null || typed.isBlank()) {
            promisedDate.setValue(null);
            return;
        }
        try {
            promisedDate.setValue(promisedDate.getConverter().fromString(typed));
        } catch (RuntimeException unreadable) {
            // the field keeps what was typed; the promise stays as it was
        }
    }

    private void focusFirstError() {
        List<Node> order = List.of(newTicketSubject, newSeverity, newDepartment, newCategory, promisedTime);
        List<Label> labels = List.of(newTicketSubjectError, severityError, departmentError, categoryError,
                promisedError);
        for (int i = 0; i < order.size(); i++) {
            if (labels.get(i).isVisible()) {
                order.get(i).requestFocus();
                return;
            }
        }
    }

    private void shownError(Label label, ObservableStringValue text) {
        subscriptions.bind(label.textProperty(), text);
        subscriptions.bind(label.visibleProperty(), Bindings.isNotEmpty(text));
        subscriptions.bind(label.managedProperty(), label.visibleProperty());
    }

    private static void suggestions(ComboBox<String> box, List<String> items) {
        box.getItems().setAll(items);
        box.setVisibleRowCount(items.size());
    }

    private static <T> void choices(ChoiceBox<T> box, List<T> items, Function<T, String> text) {
        box.getItems().setAll(items);
        box.setConverter(converter(text));
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
