package dev.switchboard.desktop.outbound;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import dev.switchboard.domain.outbound.AttemptResult;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Shows the outbound agent's work and hands every action to the view model. Keys: Ctrl+D or Enter
 * dial, Ctrl+K skip, Ctrl+N next (on a campaign the server dials: take calls), Ctrl+L stop calls;
 * while a result is asked for, a disposition's key picks it and
 * Ctrl+Enter saves. A filter on the view, so no control swallows them first.
 */
public final class OutboundController {
    static final KeyCombination SKIP = KeyCombination.valueOf("Shortcut+K");
    static final KeyCombination NEXT = KeyCombination.valueOf("Shortcut+N");
    static final KeyCombination STOP = KeyCombination.valueOf("Shortcut+L");
    /** How often a seat on a campaign the server dials is renewed (the server lets it go after a minute). */
    private static final Duration RENEW_SEAT = Duration.seconds(30);
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final OutboundViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final EventHandler<KeyEvent> typed = this::onTyped;

    @FXML private ScrollPane root;
    @FXML private ComboBox<CampaignItem> campaignBox;
    @FXML private Label progressLabel;
    @FXML private Button nextButton;
    @FXML private Button stopButton;
    @FXML private Label saveHint;
    @FXML private VBox historyPane;
    @FXML private VBox historyBox;
    @FXML private HBox messageRow;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label outboundMessage;
    @FXML private HBox recordRow;
    @FXML private Label nameLabel;
    @FXML private Label numberLabel;
    @FXML private Label localTimeLabel;
    @FXML private Label attemptsLabel;
    @FXML private Label lastResultLabel;
    @FXML private Label callbackLabel;
    @FXML private HBox previewActions;
    @FXML private Button outboundDial;
    @FXML private Button skipButton;
    @FXML private HBox callRow;
    @FXML private Label callLabel;
    @FXML private Button endCallButton;
    @FXML private VBox outboundCustomer;
    @FXML private Label customerName;
    @FXML private Label customerDetails;
    @FXML private Label ticketsCaption;
    @FXML private VBox ticketsBox;
    @FXML private Label noCustomer;
    @FXML private VBox resultPane;
    @FXML private FlowPane resultButtons;
    @FXML private FlowPane dispositionButtons;
    @FXML private HBox callbackRow;
    @FXML private DatePicker callbackDate;
    @FXML private TextField callbackTime;
    @FXML private CheckBox callbackToMe;
    @FXML private Button outboundSave;

    public OutboundController(OutboundViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        campaignBox.setItems(vm.campaigns());
        subscriptions.bindBidirectional(campaignBox.valueProperty(), vm.campaignProperty());
        subscriptions.bind(campaignBox.disableProperty(), vm.stageProperty().isEqualTo(CallListStep.ON_CALL));
        subscriptions.bind(progressLabel.textProperty(), vm.progressProperty());
        subscriptions.bind(nextButton.disableProperty(), vm.canNextProperty().not());
        subscriptions.bind(stopButton.disableProperty(), vm.canStopProperty().not());
        shown(stopButton, vm.seatedProperty());
        tip(stopButton, "outbound.stop.keys");
        subscriptions.listen(vm.campaignProperty(), (obs, old, now) -> nameNext(now));
        nameNext(vm.campaignProperty().get());
        shown(historyPane, Bindings.isNotEmpty(vm.history()));
        subscriptions.listen(vm.history(), (javafx.collections.ListChangeListener<String>) c -> showHistory());
        Timeline renew = new Timeline(new KeyFrame(RENEW_SEAT, e -> vm.renewSeat()));
        renew.setCycleCount(Animation.INDEFINITE);
        renew.play();
        subscriptions.onClose(renew::stop);
        subscriptions.bind(outboundDial.disableProperty(), vm.canDialProperty().not());
        subscriptions.bind(skipButton.disableProperty(), vm.canDialProperty().not());
        subscriptions.bind(outboundSave.disableProperty(), vm.canSaveProperty().not());
        subscriptions.bind(endCallButton.disableProperty(), vm.callEndedProperty().or(vm.busyProperty()));
        tip(outboundDial, "outbound.dial.keys");
        tip(skipButton, "outbound.skip.keys");
        tip(nextButton, "outbound.next.keys");
        tip(outboundSave, "outbound.save.keys");

        subscriptions.bind(outboundMessage.textProperty(), vm.messageProperty());
        // the spinner also says the desktop waits for the dialler's next call
        var spinning = vm.busyProperty().or(vm.stageProperty().isEqualTo(CallListStep.WAITING));
        subscriptions.bind(busyIndicator.visibleProperty(), spinning);
        subscriptions.bind(busyIndicator.managedProperty(), spinning);
        shown(messageRow, vm.messageProperty().isNotEmpty().or(vm.busyProperty()));
        subscriptions.listen(vm.errorProperty(), (obs, old, now) -> messageRow.pseudoClassStateChanged(ERROR, now));

        shown(recordRow, vm.recordProperty().isNotNull());
        shown(previewActions, vm.stageProperty().isEqualTo(CallListStep.PREVIEW));
        shown(callRow, vm.stageProperty().isEqualTo(CallListStep.ON_CALL));
        shown(resultPane, vm.stageProperty().isEqualTo(CallListStep.ON_CALL));
        shown(callbackRow, vm.needsCallbackProperty());
        subscriptions.bind(callLabel.textProperty(), Bindings.when(vm.callEndedProperty())
                .then(messages.get("outbound.call.ended")).otherwise(messages.get("outbound.call.on")));
        subscriptions.listen(vm.recordProperty(), (obs, old, now) -> showRecord(now));
        showRecord(vm.recordProperty().get());

        subscriptions.bindBidirectional(callbackDate.valueProperty(), vm.callbackDateProperty());
        subscriptions.bindBidirectional(callbackTime.textProperty(), vm.callbackTimeProperty());
        subscriptions.bindBidirectional(callbackToMe.selectedProperty(), vm.callbackToMeProperty());
        buildResults();
        subscriptions.listen(vm.dispositions(), (javafx.collections.ListChangeListener<DispositionItem>) c ->
                buildDispositions());
        buildDispositions();
        subscriptions.listen(vm.dispositionProperty(), (obs, old, now) -> markDispositions());
        subscriptions.listen(vm.stageProperty(), (obs, old, now) -> {
            // the keys reach this view only while the cursor is in it: keep it on the step at hand
            if (now == CallListStep.PREVIEW) {
                outboundDial.requestFocus();
            } else if (now == CallListStep.ON_CALL) {
                resultButtons.getChildren().get(0).requestFocus();
            } else if (now == CallListStep.WAITING) {
                stopButton.requestFocus();
            } else {
                nextButton.requestFocus();
            }
        });

        root.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        root.addEventFilter(KeyEvent.KEY_TYPED, typed);
        subscriptions.onClose(() -> {
            root.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            root.removeEventFilter(KeyEvent.KEY_TYPED, typed);
        });
    }

    private void buildResults() {
        for (AttemptResult r : OutboundViewModel.RESULTS) {
            ToggleButton b = new ToggleButton(vm.resultText(r));
            b.setId("result-" + r.name());
            b.getStyleClass().add("outbound-choice");
            b.setOnAction(e -> vm.chooseResult(r));
            resultButtons.getChildren().add(b);
        }
        subscriptions.listen(vm.resultProperty(), (obs, old, now) -> markResults());
        markResults();
    }

    private void markResults() {
        for (Node n : resultButtons.getChildren()) {
            ToggleButton b = (ToggleButton) n;
            boolean on = vm.resultProperty().get() != null && b.getId().equals("result-" + vm.resultProperty().get());
            b.setSelected(on);
            b.pseudoClassStateChanged(CHOSEN, on);
        }
    }

    private void buildDispositions() {
        dispositionButtons.getChildren().clear();
        for (DispositionItem d : vm.dispositions()) {
            Label key = new Label(d.key());
            key.getStyleClass().add("outbound-key");
            ToggleButton b = new ToggleButton(d.label(), key);
            b.setId("disposition-" + d.code());
            b.getStyleClass().add("outbound-choice");
            b.setAccessibleText(messages.format("outbound.disposition.accessible", d.label(), d.key()));
            b.setOnAction(e -> vm.chooseDisposition(d));
            dispositionButtons.getChildren().add(b);
        }
        markDispositions();
    }

    private void markDispositions() {
        DispositionItem chosen = vm.dispositionProperty().get();
        for (Node n : dispositionButtons.getChildren()) {
            ToggleButton b = (ToggleButton) n;
            boolean on = chosen != null && b.getId().equals("disposition-" + chosen.code());
            b.setSelected(on);
            b.pseudoClassStateChanged(CHOSEN, on);
        }
    }

    private void showRecord(RecordCard r) {
        ticketsBox.getChildren().clear();
        if (r == null) {
            return;
        }
        nameLabel.setText(r.name());
        numberLabel.setText(r.number());
        text(localTimeLabel, r.localTime());
        text(attemptsLabel, r.attempts());
        text(lastResultLabel, r.lastResult());
        text(callbackLabel, r.callback());
        RecordCard.Customer c = r.customer();
        noCustomer.setVisible(c == null);
        noCustomer.setManaged(c == null);
        text(customerName, c == null ? "" : c.name());
        text(customerDetails, c == null ? "" : c.details());
        boolean tickets = c != null && !c.tickets().isEmpty();
        ticketsCaption.setVisible(c != null);
        ticketsCaption.setManaged(c != null);
        if (c != null) {
            ticketsCaption.setText(tickets ? messages.get("outbound.tickets")
                    : messages.get("outbound.tickets.none"));
            for (String line : c.tickets()) {
                Label l = new Label(line);
                l.getStyleClass().add("outbound-ticket");
                l.setWrapText(true);
                ticketsBox.getChildren().add(l);
            }
        }
    }

    private void nameNext(CampaignItem c) {
        boolean seat = c != null && c.dialledByServer();
        nextButton.setText(messages.get(seat ? "outbound.takeCalls" : "outbound.next"));
        saveHint.setText(messages.get(seat ? "outbound.save.hint.seat" : "outbound.save.hint"));
        // the dialler puts a callback through to whoever is free: "to me" is for preview campaigns
        callbackToMe.setVisible(!seat);
        callbackToMe.setManaged(!seat);
        tip(nextButton, seat ? "outbound.takeCalls.keys" : "outbound.next.keys");
    }

    private void showHistory() {
        historyBox.getChildren().clear();
        for (String line : vm.history()) {
            Label l = new Label(line);
            l.getStyleClass().add("outbound-detail");
            l.setWrapText(true);
            historyBox.getChildren().add(l);
        }
    }

    private static void text(Label label, String text) {
        label.setText(text);
        boolean some = text != null && !text.isEmpty();
        label.setVisible(some);
        label.setManaged(some);
    }

    private void shown(Node node, javafx.beans.value.ObservableBooleanValue when) {
        subscriptions.bind(node.visibleProperty(), Bindings.createBooleanBinding(when::get, when));
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
    }

    private void tip(Button b, String key) {
        b.setTooltip(new Tooltip(messages.get(key)));
    }

    private void onKey(KeyEvent e) {
        boolean inText = e.getTarget() instanceof TextInputControl;
        if (Shortcuts.DIAL.match(e) || (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()
                && !e.isShiftDown() && !inText && !campaignBox.isShowing() && vm.canDialProperty().get())) {
            vm.dial();
            e.consume();
        } else if (SKIP.match(e)) {
            vm.skip();
            e.consume();
        } else if (NEXT.match(e)) {
            vm.next();
            e.consume();
        } else if (STOP.match(e)) {
            vm.stopCalls();
            e.consume();
        } else if (Shortcuts.SUBMIT.match(e) && vm.stageProperty().get() == CallListStep.ON_CALL) {
            vm.save();
            e.consume();
        }
    }

    private void onTyped(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        String c = e.getCharacter();
        if (c != null && c.length() == 1 && !Character.isWhitespace(c.charAt(0)) && vm.pickKey(c.charAt(0))) {
            e.consume();
        }
    }

    /** Where the cursor starts: the Dial button when a record is shown, else the campaign picker. */
    public void focus() {
        if (vm.canDialProperty().get()) {
            outboundDial.requestFocus();
        } else {
            campaignBox.requestFocus();
        }
    }

    public void dispose() {
        subscriptions.close();
    }

    @FXML
    private void next() {
        vm.next();
    }

    @FXML
    private void stopCalls() {
        vm.stopCalls();
    }

    @FXML
    private void dial() {
        vm.dial();
    }

    @FXML
    private void skip() {
        vm.skip();
    }

    @FXML
    private void endCall() {
        vm.endCall();
    }

    @FXML
    private void save() {
        vm.save();
    }
}
