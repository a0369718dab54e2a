package dev.switchboard.desktop.call;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Registration;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

import java.util.List;

/**
 * The main window's Call menu: hold, mute, the keypad and a consultation for the call on screen, and
 * dialling a number. Its accelerators are the call shortcuts, so they work wherever the cursor is.
 */
public final class CallMenu implements Registration {
    private final Menu menu;
    private final List<MenuItem> items;
    private final Subscriptions subscriptions = new Subscriptions();

    public CallMenu(CallViewModel vm, Messages messages, Runnable dial) {
        MenuItem hold = item("holdItem", Shortcuts.HOLD, vm::toggleHold);
        subscriptions.bind(hold.textProperty(), vm.holdLabelProperty());
        subscriptions.bind(hold.disableProperty(), vm.canHoldProperty().not());
        MenuItem mute = item("muteItem", Shortcuts.MUTE, vm::toggleMute);
        subscriptions.bind(mute.textProperty(), vm.muteLabelProperty());
        subscriptions.bind(mute.disableProperty(), vm.canControlProperty().not());
        MenuItem keypad = item("keypadItem", Shortcuts.KEYPAD, vm::toggleKeypad);
        keypad.setText(messages.get("menu.call.keypad"));
        subscriptions.bind(keypad.disableProperty(), vm.canKeypadProperty().not());
        ConsultViewModel consultVm = vm.consult();
        MenuItem consult = item("consultItem", Shortcuts.CONSULT, consultVm::toggle);
        consult.setText(messages.get("menu.call.consult"));
        subscriptions.bind(consult.disableProperty(), consultVm.canConsultProperty().not());
        MenuItem complete = item("completeConsultItem", Shortcuts.COMPLETE_CONSULT, consultVm::complete);
        complete.setText(messages.get("menu.call.completeConsult"));
        subscriptions.bind(complete.disableProperty(), consultVm.canCompleteProperty().not());
        MenuItem conference = item("conferenceItem", Shortcuts.CONFERENCE, consultVm::conference);
        conference.setText(messages.get("menu.call.conference"));
        subscriptions.bind(conference.disableProperty(), consultVm.canConferenceProperty().not());
        MenuItem cancel = item("cancelConsultItem", Shortcuts.CANCEL_CONSULT, consultVm::cancel);
        cancel.setText(messages.get("menu.call.cancelConsult"));
        subscriptions.bind(cancel.disableProperty(), consultVm.canCancelProperty().not());
        MenuItem dialItem = item("dialItem", Shortcuts.DIAL, dial);
        dialItem.setText(messages.get("menu.call.dial"));
        items = List.of(hold, mute, keypad, consult, complete, conference, cancel, dialItem);
        menu = new Menu(messages.get("menu.call"), null, hold, mute, keypad, new SeparatorMenuItem(), consult,
                complete, conference, cancel, new SeparatorMenuItem(), dialItem);
        menu.setMnemonicParsing(true);
    }

    public Menu menu() {
        return menu;
    }

    @Override
    public void close() {
        subscriptions.close();
        for (MenuItem item : items) {
            item.setOnAction(null);
        }
    }

    private static MenuItem item(String id, KeyCombination shortcut, Runnable action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.setAccelerator(shortcut);
        item.setOnAction(e -> action.run());
        return item;
    }
}
