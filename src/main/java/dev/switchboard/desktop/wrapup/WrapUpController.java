package dev.switchboard.desktop.wrapup;

import dev.switchboard.api.CodeView;
import dev.switchboard.api.TicketView;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import dev.switchboard.desktop.ui.UrgencyStyle;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Function;

/**
 * The wrap-up panel. Digits 1–9 pick a disposition wherever the cursor is in the panel, except in a
 * text field; the main window routes Ctrl+Enter here while the panel is shown.
 */
public final class WrapUpController {
    private static final double ROW = 30;
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final WrapUpViewModel vm;
    private final Messages messages;
    private final EnumText enums;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> digits = this::onKey;

    @FXML private VBox root;
    @FXML private Label countdown;
    @FXML private Label caption;
    @FXML private Label dispositionHint;
    @FXML private ListView<CodeView> dispositions;
    @FXML private Label dispositionError;
    @FXML private TextArea notes;
    @FXML private Label notesError;
    @FXML private ToggleGroup ticketGroup;
    @FXML private ToggleButton noTicket;
    @FXML private ToggleButton updateTicket;
    @FXML private ToggleButton newTicket;
    @FXML private VBox updateBox;
    @FXML private ComboBox<TicketView> ticketBox;
    @FXML private ChoiceBox<TicketStatus> statusBox;
    @FXML private ChoiceBox<TicketPriority> priorityBox;
    @FXML private TextField ticketNote;
    @FXML private VBox wrapUpClosingBox;
    @FXML private ToggleGroup wrapUpAddressedGroup;
    @FXML private javafx.scene.control.RadioButton wrapUpAddressedYes;
    @FXML private javafx.scene.control.RadioButton wrapUpAddressedNo;
    @FXML private VBox newBox;
    @FXML private TextField newSubject;
    @FXML private ChoiceBox<TicketPriority> newPriorityBox;
    @FXML private Label ticketHint;
    @FXML private Label ticketError;
    @FXML private Label error;
    @FXML private Button submitButton;
    @FXML private ProgressIndicator progress;

    public WrapUpController(WrapUpViewModel vm, Messages messages, EnumText enums) {
        this.vm = vm;
        this.messages = messages;
        this.enums = enums;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(root.visibleProperty(), vm.activeProperty());
        subscriptions.bind(root.managedProperty(), vm.activeProperty());
        subscriptions.bind(countdown.textProperty(), vm.countdownProperty());
        subscriptions.bind(caption.textProperty(), vm.captionProperty());
        subscriptions.listen(vm.urgencyProperty(), (obs, old, now) -> UrgencyStyle.show(countdown, now));
        subscriptions.listen(vm.overdueProperty(), (obs, old, now) -> root.pseudoClassStateChanged(OVERDUE, now));
        UrgencyStyle.show(countdown, vm.urgencyProperty().get());
        bindDispositions();
        subscriptions.bindBidirectional(notes.textProperty(), vm.notesProperty());
        bindTicket();
        error(dispositionError, vm.dispositionErrorProperty());
        error(notesError, vm.notesErrorProperty());
        error(ticketError, vm.ticketErrorProperty());
        error(error, vm.errorProperty());
        subscriptions.bind(progress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(progress.managedProperty(), vm.busyProperty());
        subscriptions.bind(submitButton.disableProperty(), vm.busyProperty());
        submitButton.setTooltip(new Tooltip(messages.format("wrapup.submit.tooltip", Shortcuts.SUBMIT.getDisplayText())));
        root.addEventFilter(KeyEvent.KEY_PRESSED, digits);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, digits));
        subscriptions.listen(vm.contactProperty(), (obs, old, now) -> {
            if (now != null && (old == null || focusWithin() || nothingFocused())) {
                focus();
            }
        });
    }

    /** The cursor goes to the dispositions, so a digit picks one at once. */
    public void focus() {
        dispositions.requestFocus();
    }

    public boolean focusWithin() {
        Scene scene = root.getScene();
        for (Node n = scene == null ? null : scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }

    public void submit() {
        vm.submit();
    }

    public void dispose() {
        subscriptions.close();
        dispositions.setItems(null);
        ticketBox.setItems(null);
    }

    private boolean nothingFocused() {
        Scene scene = root.getScene();
        Node owner = scene == null ? null : scene.getFocusOwner();
        return owner == null || !(owner instanceof TextInputControl);
    }

    private void bindDispositions() {
        dispositions.setItems(vm.dispositions());
        dispositions.setCellFactory(list -> new DispositionCell());
        dispositions.setFixedCellSize(ROW);
        dispositions.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> 2 + ROW * Math.max(1, Math.min(9, vm.dispositions().size())), vm.dispositions()));
        dispositions.maxHeightProperty().bind(dispositions.prefHeightProperty());
        dispositions.minHeightProperty().bind(dispositions.prefHeightProperty());
        subscriptions.onClose(() -> {
            dispositions.prefHeightProperty().unbind();
            dispositions.maxHeightProperty().unbind();
            dispositions.minHeightProperty().unbind();
        });
        subscriptions.listen(dispositions.getSelectionModel().selectedItemProperty(), (obs, old, now) -> {
            if (now != null) {
                vm.dispositionProperty().set(now);
            }
        });
        subscriptions.listen(vm.dispositionProperty(), (obs, old, now) -> showDisposition(now));
        showDisposition(vm.dispositionProperty().get());
        int count = Math.min(9, Math.max(1, vm.dispositions().size()));
        dispositionHint.setText(messages.format("wrapup.disposition.hint", count));
        subscriptions.listen(vm.dispositions(), (ListChangeListener<CodeView>) c ->
                dispositionHint.setText(messages.format("wrapup.disposition.hint",
                        Math.min(9, Math.max(1, vm.dispositions().size())))));
    }

    private void showDisposition(CodeView chosen) {
        if (chosen == null) {
            dispositions.getSelectionModel().clearSelection();
        } else if (dispositions.getSelectionModel().getSelectedItem() != chosen) {
            dispositions.getSelectionModel().select(chosen);
        }
    }

    private void bindTicket() {
        noTicket.setUserData(TicketMode.NONE);
        updateTicket.setUserData(TicketMode.UPDATE);
        newTicket.setUserData(TicketMode.NEW);
        subscriptions.listen(ticketGroup.selectedToggleProperty(), (obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the three is always chosen
            } else {
                vm.ticketModeProperty().set((TicketMode) now.getUserData());
            }
        });
        subscriptions.listen(vm.ticketModeProperty(), (obs, old, now) -> showMode(now));
        showMode(vm.ticketModeProperty().get());
        subscriptions.bind(updateTicket.disableProperty(), vm.canTicketProperty().not()
                .or(Bindings.isEmpty(vm.tickets())));
        subscriptions.bind(newTicket.disableProperty(), vm.canTicketProperty().not());
        subscriptions.bind(ticketHint.visibleProperty(), vm.canTicketProperty().not());
        subscriptions.bind(ticketHint.managedProperty(), ticketHint.visibleProperty());

        ticketBox.setItems(vm.tickets());
        ticketBox.setConverter(converter(t -> messages.format("wrapup.ticket.option",
                messages.format("ticket.number", t.id()), t.subject())));
        subscriptions.bindBidirectional(ticketBox.valueProperty(), vm.ticketProperty());
        statusBox.getItems().setAll(List.of(TicketStatus.values()));
        statusBox.setConverter(converter(enums::status));
        subscriptions.bindBidirectional(statusBox.valueProperty(), vm.ticketStatusProperty());
        priorityBox.getItems().setAll(List.of(TicketPriority.values()));
        priorityBox.setConverter(converter(enums::priority));
        subscriptions.bindBidirectional(priorityBox.valueProperty(), vm.ticketPriorityProperty());
        subscriptions.bindBidirectional(ticketNote.textProperty(), vm.ticketNoteProperty());
        subscriptions.bind(wrapUpClosingBox.visibleProperty(), vm.closingQuestionProperty());
        subscriptions.bind(wrapUpClosingBox.managedProperty(), vm.closingQuestionProperty());
        wrapUpAddressedYes.setUserData(Boolean.TRUE);
        wrapUpAddressedNo.setUserData(Boolean.FALSE);
        subscriptions.listen(wrapUpAddressedGroup.selectedToggleProperty(), (obs, old, now) ->
                vm.addressedProperty().set(now == null ? null : (Boolean) now.getUserData()));
        subscriptions.listen(vm.addressedProperty(), (obs, old, now) -> showAddressed(now));
        showAddressed(vm.addressedProperty().get());
        subscriptions.bindBidirectional(newSubject.textProperty(), vm.newSubjectProperty());
        newPriorityBox.getItems().setAll(List.of(TicketPriority.values()));
        newPriorityBox.setConverter(converter(enums::priority));
        subscriptions.bindBidirectional(newPriorityBox.valueProperty(), vm.newPriorityProperty());
    }

    private void showAddressed(Boolean answer) {
        if (answer == null) {
            wrapUpAddressedGroup.selectToggle(null);
        } else {
            wrapUpAddressedGroup.selectToggle(answer ? wrapUpAddressedYes : wrapUpAddressedNo);
        }
    }

    private void showMode(TicketMode mode) {
        TicketMode m = mode == null ? TicketMode.NONE : mode;
        for (Toggle t : ticketGroup.getToggles()) {
            if (t.getUserData() == m && !t.isSelected()) {
                t.setSelected(true);
            }
        }
        show(updateBox, m == TicketMode.UPDATE);
        show(newBox, m == TicketMode.NEW);
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof TextInputControl) {
            return;
        }
        String text = e.getText();
        if (text != null && text.length() == 1 && text.charAt(0) >= '1' && text.charAt(0) <= '9'
                && vm.chooseDisposition(text.charAt(0) - '0')) {
            e.consume();
        }
    }

    private void error(Label label, ObservableStringValue text) {
        subscriptions.bind(label.textProperty(), text);
        subscriptions.bind(label.visibleProperty(), Bindings.isNotEmpty(text));
        subscriptions.bind(label.managedProperty(), label.visibleProperty());
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
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

    /** "1  Resolved": the key that picks it, then its label. */
    private final class DispositionCell extends ListCell<CodeView> {
        private final Label key = new Label();
        private final Label label = new Label();
        private final HBox box = new HBox(10, key, label);

        DispositionCell() {
            getStyleClass().add("disposition-cell");
            key.getStyleClass().add("keycap");
            label.getStyleClass().add("disposition-label");
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(CodeView item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            int n = getIndex() + 1;
            key.setText(n <= 9 ? Integer.toString(n) : "");
            key.setVisible(n <= 9);
            label.setText(item.label());
            setGraphic(box);
        }
    }
}
