package dev.switchboard.desktop.ticket;

import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import dev.switchboard.domain.sla.SlaState;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ChoiceBox;
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
 * The ticket editor, floating over the card: the subject first, Tab to status, priority and the note,
 * Ctrl+Enter to save, Escape to close. Save stays disabled until something changed or a note is written.
 */
public final class TicketEditorController {
    private final TicketEditorViewModel vm;
    private final Messages messages;
    private final EnumText enums;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> keys = this::onKey;

    @FXML private VBox root;
    @FXML private Label title;
    @FXML private Label editSubjectLabel;
    @FXML private TextField editSubject;
    @FXML private Label subjectError;
    @FXML private Label editStatusLabel;
    @FXML private ChoiceBox<TicketStatus> editStatus;
    @FXML private Label editPriorityLabel;
    @FXML private ChoiceBox<TicketPriority> editPriority;
    @FXML private Label editNoteLabel;
    @FXML private TextArea editNote;
    @FXML private Label error;
    @FXML private Label caseLine;
    @FXML private Label slaLine;
    @FXML private Label promiseLine;
    @FXML private VBox addressedBox;
    @FXML private RadioButton addressedYes;
    @FXML private RadioButton addressedNo;
    @FXML private CheckBox replyBox;
    @FXML private TextField relatedField;
    @FXML private Button mergeTicketButton;
    @FXML private Button linkTicketButton;
    @FXML private ToggleButton watchButton;
    @FXML private TitledPane ticketHistoryPane;
    @FXML private ListView<String> ticketHistoryList;
    private final ToggleGroup addressedGroup = new ToggleGroup();
    @FXML private ProgressIndicator progress;
    @FXML private Button closeButton;
    @FXML private Button saveTicketButton;

    public TicketEditorController(TicketEditorViewModel vm, Messages messages, EnumText enums) {
        this.vm = vm;
        this.messages = messages;
        this.enums = enums;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(root.visibleProperty(), vm.openProperty());
        subscriptions.bind(root.managedProperty(), vm.openProperty());
        subscriptions.bind(title.textProperty(), vm.titleProperty());
        subscriptions.bindBidirectional(editSubject.textProperty(), vm.subjectProperty());
        editStatus.getItems().setAll(List.of(TicketStatus.values()));
        editStatus.setConverter(converter(enums::status));
        subscriptions.bindBidirectional(editStatus.valueProperty(), vm.statusProperty());
        editPriority.getItems().setAll(List.of(TicketPriority.values()));
        editPriority.setConverter(converter(enums::priority));
        subscriptions.bindBidirectional(editPriority.valueProperty(), vm.priorityProperty());
        subscriptions.bindBidirectional(editNote.textProperty(), vm.noteProperty());
        editSubjectLabel.setLabelFor(editSubject);
        editStatusLabel.setLabelFor(editStatus);
        editPriorityLabel.setLabelFor(editPriority);
        editNoteLabel.setLabelFor(editNote);
        shownError(subjectError, vm.subjectErrorProperty());
        shownError(caseLine, vm.caseLineProperty());
        shownError(slaLine, vm.slaLineProperty());
        shownError(promiseLine, vm.promiseLineProperty());
        subscriptions.listen(vm.slaStateProperty(), (obs, old, now) -> slaStyle(now));
        slaStyle(vm.slaStateProperty().get());
        subscriptions.bind(addressedBox.visibleProperty(), vm.askAddressedProperty());
        subscriptions.bind(addressedBox.managedProperty(), vm.askAddressedProperty());
        addressedYes.setToggleGroup(addressedGroup);
        addressedNo.setToggleGroup(addressedGroup);
        addressedGroup.selectedToggleProperty().addListener((obs, old, now) ->
                vm.addressedProperty().set(now == null ? null : now == addressedYes));
        subscriptions.listen(vm.addressedProperty(), (obs, old, now) ->
                addressedGroup.selectToggle(now == null ? null : now ? addressedYes : addressedNo));
        subscriptions.bindBidirectional(replyBox.selectedProperty(), vm.replyProperty());
        replyBox.setTooltip(new Tooltip(messages.get("ticket.note.reply.tooltip")));
        subscriptions.bindBidirectional(relatedField.textProperty(), vm.relatedProperty());
        mergeTicketButton.setTooltip(new Tooltip(messages.get("ticket.merge.tooltip")));
        linkTicketButton.setTooltip(new Tooltip(messages.get("ticket.link.tooltip")));
        subscriptions.bind(mergeTicketButton.disableProperty(), Bindings.isEmpty(relatedField.textProperty()).or(vm.busyProperty()));
        subscriptions.bind(linkTicketButton.disableProperty(), Bindings.isEmpty(relatedField.textProperty()).or(vm.busyProperty()));
        subscriptions.bind(watchButton.selectedProperty(), vm.watchingProperty());
        subscriptions.bind(watchButton.textProperty(), Bindings.when(vm.watchingProperty())
                .then(messages.get("ticket.watch.stop")).otherwise(messages.get("ticket.watch")));
        watchButton.setTooltip(new Tooltip(messages.get("ticket.watch.tooltip")));
        ticketHistoryList.setItems(vm.history());
        subscriptions.bind(ticketHistoryPane.textProperty(), Bindings.size(vm.history()).asString(messages.get("ticket.history") + " (%d)"));
        shownError(error, vm.errorProperty());
        subscriptions.bind(progress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(saveTicketButton.disableProperty(), vm.canSaveProperty().not());
        saveTicketButton.setTooltip(new Tooltip(messages.format("ticket.edit.save.tooltip",
                Shortcuts.SUBMIT.getDisplayText())));
        closeButton.setTooltip(new Tooltip(messages.get("panel.close.tooltip")));
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
        subscriptions.listen(vm.openProperty(), (obs, old, now) -> {
            if (now) {
                editSubject.requestFocus();
                editSubject.end();
            }
        });
    }

    public void dispose() {
        subscriptions.close();
    }

    /** Ctrl+Enter of the window while the editor is open. */
    @FXML
    public void submit() {
        vm.save();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void merge() {
        vm.mergeRelated();
    }

    @FXML
    private void link() {
        vm.linkRelated();
    }

    @FXML
    private void watch() {
        vm.toggleWatch();
    }

    private void slaStyle(SlaState state) {
        slaLine.getStyleClass().removeAll("sla-running", "sla-near", "sla-breached", "sla-paused");
        if (state != null) {
            slaLine.getStyleClass().add("sla-" + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            vm.cancel();
            e.consume();
        } else if (e.getTarget() == editNote && e.getCode() == KeyCode.TAB && !e.isShiftDown() && !e.isShortcutDown()) {
            // Tab leaves the note instead of typing a tab into it
            (saveTicketButton.isDisabled() ? editSubject : saveTicketButton).requestFocus();
            e.consume();
        }
    }

    private void shownError(Label label, ObservableStringValue text) {
        subscriptions.bind(label.textProperty(), text);
        subscriptions.bind(label.visibleProperty(), Bindings.isNotEmpty(text));
        subscriptions.bind(label.managedProperty(), label.visibleProperty());
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
