package dev.switchboard.desktop.call;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import dev.switchboard.domain.CallState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * Binds the call bar under the contact bar of a phone contact: state in words with its icon and
 * colour, the talking clock, the keys pressed, an action's failure, and the hold, mute, keypad and
 * consult buttons (their shortcuts in the tooltips); the keypad and the consult panel float over the
 * card under their buttons, Escape closes them. While consulting, Complete transfer and Cancel consult
 * take the Consult button's place.
 */
public final class CallController {
    /** The keys of a phone's pad, in its order; each is sent as it is pressed. */
    private static final String KEYS = "123456789*0#";
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");
    private static final double GAP = 8;

    private final CallViewModel vm;
    private final ConsultViewModel consult;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> keypadKeys = this::onKeypadKey;

    @FXML private VBox root;
    @FXML private HBox callBar;
    @FXML private FontIcon callIcon;
    @FXML private Label callStatus;
    @FXML private Label callTimer;
    @FXML private Label callDigits;
    @FXML private Label callError;
    @FXML private ProgressIndicator callProgress;
    @FXML private Button holdButton;
    @FXML private FontIcon holdIcon;
    @FXML private Button muteButton;
    @FXML private FontIcon muteIcon;
    @FXML private Button keypadButton;
    @FXML private HBox keypad;
    @FXML private GridPane keys;
    @FXML private TextField keypadField;
    @FXML private Button sendButton;
    @FXML private Button consultButton;
    @FXML private Button completeConsultButton;
    @FXML private Button cancelConsultButton;
    @FXML private Button conferenceButton;
    @FXML private VBox consultPanel;
    @FXML private ConsultController consultPanelController;

    public CallController(CallViewModel vm, Messages messages) {
        this.vm = vm;
        this.consult = vm.consult();
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        showWhen(root, vm.shownProperty());
        subscriptions.bind(callStatus.textProperty(), vm.statusProperty());
        shownText(callTimer, vm.timerProperty());
        shownText(callDigits, vm.digitsProperty());
        shownText(callError, vm.errorProperty());
        subscriptions.bind(callProgress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(callProgress.managedProperty(), vm.busyProperty());
        subscriptions.bind(holdButton.textProperty(), vm.holdLabelProperty());
        subscriptions.bind(muteButton.textProperty(), vm.muteLabelProperty());
        subscriptions.bind(holdButton.disableProperty(), vm.canHoldProperty().not());
        subscriptions.bind(muteButton.disableProperty(), vm.canControlProperty().not());
        subscriptions.bind(keypadButton.disableProperty(), vm.canKeypadProperty().not());
        holdButton.setTooltip(tooltip(vm.onHoldProperty(), "call.resume.tooltip", "call.hold.tooltip",
                Shortcuts.HOLD.getDisplayText()));
        muteButton.setTooltip(tooltip(vm.mutedProperty(), "call.unmute.tooltip", "call.mute.tooltip",
                Shortcuts.MUTE.getDisplayText()));
        keypadButton.setTooltip(new Tooltip(messages.format("call.keypad.tooltip",
                Shortcuts.KEYPAD.getDisplayText())));
        subscriptions.listen(vm.stateProperty(), (obs, old, now) -> showLook());
        subscriptions.listen(vm.onHoldProperty(), (obs, old, now) -> showLook());
        subscriptions.listen(vm.mutedProperty(), (obs, old, now) -> showLook());
        subscriptions.listen(consult.consultingProperty(), (obs, old, now) -> showLook());
        showLook();
        bindKeypad();
        bindConsult();
    }

    public void dispose() {
        subscriptions.close();
        consultPanelController.dispose();
    }

    private void bindConsult() {
        showWhen(consultButton, consult.consultingProperty().not());
        showWhen(completeConsultButton, consult.consultingProperty());
        showWhen(cancelConsultButton, consult.consultingProperty());
        // while consulting the caller is on hold (keys would go nowhere) and the bar needs room for who is consulted
        showWhen(keypadButton, consult.consultingProperty().not());
        showWhen(conferenceButton, consult.consultingProperty().and(consult.conferencingProperty().not()));
        subscriptions.bind(conferenceButton.disableProperty(), consult.canConferenceProperty().not());
        conferenceButton.setTooltip(new Tooltip(messages.format("call.consult.conference.tooltip",
                Shortcuts.CONFERENCE.getDisplayText())));
        // the consultation holds the caller: Resume would only crowd out the consulting status
        showWhen(holdButton, consult.consultingProperty().not());
        subscriptions.bind(consultButton.disableProperty(), consult.canConsultProperty().not());
        subscriptions.bind(completeConsultButton.disableProperty(), consult.canCompleteProperty().not());
        subscriptions.bind(cancelConsultButton.disableProperty(), consult.canCancelProperty().not());
        consultButton.setTooltip(new Tooltip(messages.format("call.consult.tooltip",
                Shortcuts.CONSULT.getDisplayText())));
        completeConsultButton.setTooltip(new Tooltip(messages.format("call.consult.complete.tooltip",
                Shortcuts.COMPLETE_CONSULT.getDisplayText())));
        cancelConsultButton.setTooltip(new Tooltip(messages.format("call.consult.cancel.tooltip",
                Shortcuts.CANCEL_CONSULT.getDisplayText())));
        subscriptions.listen(consult.openProperty(), (obs, old, now) -> {
            consultButton.pseudoClassStateChanged(OPEN, now);
            if (now) {
                vm.keypadOpenProperty().set(false); // one panel at a time under the bar
                place(consultPanel, consultButton);
            } else if (consultPanelController.focusWithin()) {
                consultButton.requestFocus();
            }
        });
        subscriptions.listen(consultButton.boundsInParentProperty(),
                (obs, old, now) -> place(consultPanel, consultButton));
    }

    private void bindKeypad() {
        subscriptions.bind(keypad.visibleProperty(), vm.keypadOpenProperty());
        subscriptions.bindBidirectional(keypadField.textProperty(), vm.keypadTextProperty());
        subscriptions.bind(sendButton.disableProperty(), vm.canKeypadProperty().not());
        for (int i = 0; i < KEYS.length(); i++) {
            char key = KEYS.charAt(i);
            Button button = new Button(Character.toString(key));
            button.getStyleClass().add("keypad-key");
            button.setId("key-" + keyName(key));
            button.setFocusTraversable(false);
            button.setOnAction(e -> vm.press(key));
            keys.add(button, i % 3, i / 3);
        }
        subscriptions.bind(keys.disableProperty(), vm.canKeypadProperty().not());
        subscriptions.listen(vm.keypadOpenProperty(), (obs, old, now) -> {
            keypadButton.pseudoClassStateChanged(OPEN, now);
            if (now) {
                consult.close();
                place(keypad, keypadButton);
                keypadField.requestFocus();
            } else if (focusIn(keypad)) {
                keypadButton.requestFocus();
            }
        });
        subscriptions.listen(keypadButton.boundsInParentProperty(), (obs, old, now) -> place(keypad, keypadButton));
        subscriptions.listen(callBar.heightProperty(), (obs, old, now) -> {
            place(keypad, keypadButton);
            place(consultPanel, consultButton);
        });
        keypad.addEventFilter(KeyEvent.KEY_PRESSED, keypadKeys);
        subscriptions.onClose(() -> keypad.removeEventFilter(KeyEvent.KEY_PRESSED, keypadKeys));
    }

    /** A floating panel hangs under its button, right edges aligned, kept inside the bar's width. */
    private void place(Region panel, Button under) {
        if (!panel.isVisible()) {
            return;
        }
        panel.applyCss();
        panel.autosize();
        Bounds button = under.getBoundsInParent();
        double x = Math.min(button.getMaxX(), root.getWidth() - GAP) - panel.getWidth();
        panel.relocate(Math.max(GAP, x), callBar.getHeight() - GAP / 2);
    }

    private void onKeypadKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            vm.keypadOpenProperty().set(false);
            e.consume();
        }
    }

    private static boolean focusIn(Node area) {
        Scene scene = area.getScene();
        for (Node n = scene == null ? null : scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == area) {
                return true;
            }
        }
        return false;
    }

    /** Icon and colour for where the call stands (pseudo-classes of the bar). */
    private void showLook() {
        CallState state = vm.stateProperty().get();
        boolean held = vm.onHoldProperty().get();
        for (CallState s : CallState.values()) {
            callBar.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)), s == state);
        }
        boolean consulting = consult.consultingProperty().get();
        callBar.pseudoClassStateChanged(PseudoClass.getPseudoClass("held"), held && state == CallState.CONNECTED);
        callBar.pseudoClassStateChanged(PseudoClass.getPseudoClass("consulting"), consulting);
        callIcon.setIconLiteral(state == null ? "mdi2p-phone" : switch (state) {
            case QUEUED, CONNECTING -> "mdi2p-phone-ring";
            case CONNECTED -> consulting ? "mdi2p-phone-forward" : held ? "mdi2p-phone-paused" : "mdi2p-phone-in-talk";
            case ENDED -> "mdi2p-phone-hangup";
            case FAILED -> "mdi2p-phone-alert";
        });
        holdIcon.setIconLiteral(held ? "mdi2p-play" : "mdi2p-pause");
        muteIcon.setIconLiteral(vm.mutedProperty().get() ? "mdi2m-microphone" : "mdi2m-microphone-off");
    }

    private Tooltip tooltip(ObservableBooleanValue on, String whenOn, String whenOff, String shortcut) {
        Tooltip tip = new Tooltip();
        subscriptions.bind(tip.textProperty(), Bindings.createStringBinding(
                () -> messages.format(on.get() ? whenOn : whenOff, shortcut), on));
        return tip;
    }

    private void shownText(Label label, ObservableStringValue text) {
        subscriptions.bind(label.textProperty(), text);
        showWhen(label, Bindings.isNotEmpty(text));
    }

    private void showWhen(Node node, ObservableBooleanValue condition) {
        subscriptions.bind(node.visibleProperty(), BooleanExpression.booleanExpression(condition));
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
    }

    private static String keyName(char key) {
        return switch (key) {
            case '*' -> "star";
            case '#' -> "hash";
            default -> Character.toString(key);
        };
    }

    @FXML
    private void hold() {
        vm.toggleHold();
    }

    @FXML
    private void mute() {
        vm.toggleMute();
    }

    @FXML
    private void keypad() {
        vm.toggleKeypad();
    }

    @FXML
    private void sendKeypad() {
        vm.sendKeypad();
    }

    @FXML
    private void consult() {
        consult.toggle();
    }

    @FXML
    private void completeConsult() {
        consult.complete();
    }

    @FXML
    private void conference() {
        consult.conference();
    }

    @FXML
    private void cancelConsult() {
        consult.cancel();
    }
}
