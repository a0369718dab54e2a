package dev.switchboard.desktop.conversation;

import dev.switchboard.api.CannedResponseView;
import dev.switchboard.api.ReplyMode;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.FileDialogs;
import dev.switchboard.desktop.ui.Shortcuts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Binds the answer at the foot of a conversation: the draft (Enter sends a chat line and Shift+Enter
 * starts a new line; an e-mail takes Enter as a new line), Send and Retry with where the answer
 * stands, the canned responses, and for an e-mail the reply mode, recipients, subject and files.
 */
public final class ComposerController {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final int CHAT_ROWS = 3;
    private static final int MAIL_ROWS = 7;

    private final Messages messages;
    private final FileDialogs files;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ToggleGroup modes = new ToggleGroup();
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final EventHandler<Event> showingCanned = e -> this.conversation.loadCanned();
    private ConversationViewModel conversation;
    private ComposerViewModel vm;

    @FXML private VBox root;
    @FXML private HBox mailModes;
    @FXML private ToggleButton replyToggle;
    @FXML private ToggleButton replyAllToggle;
    @FXML private ToggleButton forwardToggle;
    @FXML private Label replyToLabel;
    @FXML private HBox toRow;
    @FXML private TextField toField;
    @FXML private HBox ccRow;
    @FXML private TextField ccField;
    @FXML private HBox subjectRow;
    @FXML private TextField subjectField;
    @FXML private TextArea draft;
    @FXML private FlowPane draftFiles;
    @FXML private Label filesProblem;
    @FXML private MenuButton cannedButton;
    @FXML private Button attachButton;
    @FXML private Label sendStatus;
    @FXML private Button retryButton;
    @FXML private Label keysHint;
    @FXML private Button sendButton;

    public ComposerController(Messages messages, FileDialogs files) {
        this.messages = messages;
        this.files = files;
    }

    @FXML
    private void initialize() {
        replyToggle.setToggleGroup(modes);
        replyAllToggle.setToggleGroup(modes);
        forwardToggle.setToggleGroup(modes);
        replyToggle.setUserData(ReplyMode.REPLY);
        replyAllToggle.setUserData(ReplyMode.REPLY_ALL);
        forwardToggle.setUserData(ReplyMode.FORWARD);
        sendButton.setTooltip(new Tooltip(messages.format("conversation.send.tooltip", Shortcuts.SEND.getDisplayText())));
        cannedButton.setTooltip(new Tooltip(messages.format("conversation.canned.tooltip",
                Shortcuts.CANNED.getDisplayText())));
        attachButton.setTooltip(new Tooltip(messages.get("conversation.attach.tooltip")));
        retryButton.setTooltip(new Tooltip(messages.get("conversation.send.retry.tooltip")));
    }

    /** Shows the answer of {@code c}; called once, right after loading. */
    public void bind(ConversationViewModel c) {
        this.conversation = c;
        this.vm = c.composer();
        boolean mail = vm.medium() == Medium.EMAIL;
        subscriptions.bindBidirectional(draft.textProperty(), vm.textProperty());
        subscriptions.bind(draft.editableProperty(), vm.busyProperty().not());
        draft.setPrefRowCount(mail ? MAIL_ROWS : CHAT_ROWS);
        draft.setPromptText(messages.get(mail ? "conversation.draft.mail" : "conversation.draft.chat"));
        draft.setAccessibleText(messages.get("conversation.draft.accessible"));
        draft.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> draft.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
        // an answer filled in for the agent (a quote, a failed line): they write above it
        subscriptions.listen(vm.prefillsProperty(), (obs, old, now) -> draft.positionCaret(0));
        draft.positionCaret(0);
        keysHint.setText(mail ? messages.format("conversation.keys.mail", Shortcuts.SEND.getDisplayText())
                : messages.format("conversation.keys.chat", Shortcuts.SEND.getDisplayText()));
        subscriptions.bind(sendButton.disableProperty(), vm.canSendProperty().not());
        subscriptions.bind(sendStatus.textProperty(), vm.statusProperty());
        showWhen(sendStatus, vm.statusProperty().isNotEmpty());
        subscriptions.listen(vm.problemProperty(), (obs, old, now) -> sendStatus.pseudoClassStateChanged(PROBLEM, now));
        showWhen(retryButton, vm.retryShownProperty());
        bindCanned();
        bindMail(mail);
    }

    /** Puts the cursor in the draft. */
    public void focus() {
        draft.requestFocus();
    }

    /** Ctrl+Enter of the window: sends if the cursor is in this answer. */
    public boolean sendIfFocused() {
        if (!focusWithin() || !root.isVisible()) {
            return false;
        }
        vm.send();
        return true;
    }

    /** Ctrl+Shift+C: the canned responses, to insert one at the cursor. */
    public void openCanned() {
        if (root.isVisible() && !cannedButton.isDisabled()) {
            draft.requestFocus();
            cannedButton.show();
        }
    }

    public void dispose() {
        subscriptions.close();
        cannedButton.getItems().clear();
        draftFiles.getChildren().clear();
    }

    private void bindCanned() {
        subscriptions.listen(conversation.canned(), (ListChangeListener<CannedResponseView>) ch -> showCanned());
        subscriptions.listen(conversation.cannedSource().loadingProperty(), (obs, old, now) -> showCanned());
        subscriptions.listen(conversation.cannedSource().problemProperty(), (obs, old, now) -> showCanned());
        cannedButton.addEventHandler(MenuButton.ON_SHOWING, showingCanned);
        subscriptions.onClose(() -> cannedButton.removeEventHandler(MenuButton.ON_SHOWING, showingCanned));
        subscriptions.bind(cannedButton.disableProperty(), vm.busyProperty());
        showCanned();
    }

    private void showCanned() {
        cannedButton.getItems().clear();
        for (CannedResponseView c : conversation.canned()) {
            MenuItem item = new MenuItem(c.title());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> insert(c));
            cannedButton.getItems().add(item);
        }
        if (cannedButton.getItems().isEmpty()) {
            String problem = conversation.cannedSource().problemProperty().get();
            MenuItem none = new MenuItem(conversation.cannedSource().loadingProperty().get()
                    ? messages.get("conversation.canned.loading")
                    : problem.isEmpty() ? messages.get("conversation.canned.none")
                    : messages.format("conversation.canned.failed", problem));
            none.setDisable(true);
            cannedButton.getItems().add(none);
        }
    }

    /** Puts text at the cursor (over the selection); false when no reply can be written now. */
    public boolean insertText(String text) {
        if (!root.isVisible() || draft.isDisabled()) {
            return false;
        }
        draft.replaceSelection(text);
        draft.requestFocus();
        return true;
    }

    private void insert(CannedResponseView c) {
        draft.replaceSelection(conversation.fill(c));
        draft.requestFocus();
    }

    private void bindMail(boolean mail) {
        show(mailModes, mail);
        show(subjectRow, mail);
        show(attachButton, mail);
        if (!mail) {
            show(toRow, false);
            show(ccRow, false);
            show(draftFiles, false);
            show(filesProblem, false);
            return;
        }
        selectMode(vm.modeProperty().get());
        subscriptions.listen(vm.modeProperty(), (obs, old, now) -> selectMode(now));
        subscriptions.listen(modes.selectedToggleProperty(), (obs, old, now) -> {
            if (now == null) {
                selectMode(vm.modeProperty().get()); // one mode is always chosen
            } else {
                vm.modeProperty().set((ReplyMode) now.getUserData());
            }
        });
        subscriptions.bind(replyToLabel.textProperty(), vm.replyToProperty());
        showWhen(replyToLabel, vm.modeProperty().isNotEqualTo(ReplyMode.FORWARD));
        showWhen(toRow, vm.modeProperty().isEqualTo(ReplyMode.FORWARD));
        showWhen(ccRow, vm.modeProperty().isNotEqualTo(ReplyMode.REPLY));
        subscriptions.bindBidirectional(toField.textProperty(), vm.toProperty());
        subscriptions.bindBidirectional(ccField.textProperty(), vm.ccProperty());
        subscriptions.bindBidirectional(subjectField.textProperty(), vm.subjectProperty());
        for (Node n : new Node[] {toField, ccField, subjectField, replyToggle, replyAllToggle, forwardToggle}) {
            subscriptions.bind(n.disableProperty(), vm.busyProperty());
        }
        subscriptions.listen(vm.files().files(), (ListChangeListener<DraftAttachment>) ch -> showFiles());
        showFiles();
        subscriptions.bind(filesProblem.textProperty(), vm.files().problemProperty());
        showWhen(filesProblem, vm.files().problemProperty().isNotEmpty());
        showWhen(draftFiles, Bindings.isNotEmpty(vm.files().files()));
    }

    private void selectMode(ReplyMode mode) {
        for (Toggle t : modes.getToggles()) {
            if (t.getUserData() == mode && !t.isSelected()) {
                modes.selectToggle(t);
            }
        }
    }

    private void showFiles() {
        draftFiles.getChildren().clear();
        for (DraftAttachment file : vm.files().files()) {
            draftFiles.getChildren().add(AttachmentChips.draft(file, messages, () -> vm.files().remove(file)));
        }
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() != KeyCode.ENTER) {
            return;
        }
        if (Shortcuts.SEND.match(e)) {
            vm.send();
            e.consume();
        } else if (vm.medium() != Medium.EMAIL && !e.isShiftDown() && !e.isAltDown() && !e.isShortcutDown()) {
            vm.send(); // a chat line goes with Enter
            e.consume();
        } else if (e.isShiftDown() && !e.isShortcutDown()) {
            draft.replaceSelection("\n");
            e.consume();
        }
    }

    private boolean focusWithin() {
        Scene scene = root.getScene();
        for (Node n = scene == null ? null : scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }

    private void showWhen(Node node, ObservableBooleanValue condition) {
        subscriptions.bind(node.visibleProperty(), BooleanExpression.booleanExpression(condition));
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @FXML
    private void send() {
        vm.send();
    }

    @FXML
    private void retry() {
        vm.retry();
    }

    @FXML
    private void attach() {
        vm.files().attach(files.chooseAttachments(root.getScene().getWindow(), messages.get("conversation.attach.title")));
    }
}
