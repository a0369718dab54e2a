package dev.switchboard.desktop.main;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import dev.switchboard.domain.AgentState;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds the status bar's state selector: the choosable lines in the list, the current state (which
 * may be Busy, Wrap-up or "Not ready after this contact") on the button, and the time in state. A
 * current state that cannot be chosen heads the list, greyed out (a combo box shows only its items).
 */
final class StateSelector {
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private final AgentStateModel model;
    private final ComboBox<StateChoice> box;
    private final ObservableList<StateChoice> items = FXCollections.observableArrayList();
    private boolean updating;

    StateSelector(AgentStateModel model, ComboBox<StateChoice> box, Label time, Messages messages,
                  Subscriptions subscriptions) {
        this.model = model;
        this.box = box;
        box.setItems(items);
        box.setButtonCell(new StateCell(false));
        box.setCellFactory(list -> new StateCell(true));
        box.setTooltip(new Tooltip(messages.format("status.state.tooltip",
                Shortcuts.READY.getDisplayText(), Shortcuts.NOT_READY.getDisplayText())));
        box.setVisibleRowCount(12);
        subscriptions.listen(model.currentProperty(), (obs, old, now) -> show());
        subscriptions.listen(model.choices(), (ListChangeListener<StateChoice>) c -> show());
        subscriptions.listen(box.valueProperty(), (obs, old, now) -> {
            if (!updating && now != null && now.choosable() && !now.equals(model.currentProperty().get())) {
                model.choose(now);
                // show the real state until the server answers (it may say no)
                show();
            }
        });
        subscriptions.bind(time.textProperty(), model.timeProperty());
        subscriptions.onClose(() -> box.setItems(null));
        show();
    }

    /** Opens the list so the agent picks a reason with the arrow keys and Enter (Ctrl+Shift+N). */
    void open() {
        box.requestFocus();
        box.show();
    }

    private void show() {
        updating = true;
        try {
            StateChoice current = model.currentProperty().get();
            List<StateChoice> next = new ArrayList<>();
            if (current != null && !model.choices().contains(current)) {
                next.add(current);
            }
            next.addAll(model.choices());
            if (!next.equals(items)) {
                items.setAll(next);
            }
            box.setValue(current);
        } finally {
            updating = false;
        }
    }

    /** A state as words, with a pseudo-class per state for its colour. */
    private static final class StateCell extends ListCell<StateChoice> {
        /** In the drop-down list, where a state the work decided is shown but greyed out. */
        private final boolean inList;

        StateCell(boolean inList) {
            this.inList = inList;
        }

        @Override
        protected void updateItem(StateChoice choice, boolean empty) {
            super.updateItem(choice, empty);
            setText(empty || choice == null ? "" : choice.label());
            setDisable(inList && !empty && choice != null && !choice.choosable());
            for (AgentState s : AgentState.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                        !empty && choice != null && s == choice.state());
            }
            pseudoClassStateChanged(PENDING, !empty && choice != null && choice.pending());
        }
    }
}
