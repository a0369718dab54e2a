package dev.switchboard.desktop.conversation;

import dev.switchboard.api.AttachmentView;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.FileDialogs;
import dev.switchboard.desktop.ui.Icons;
import dev.switchboard.desktop.ui.Marks;
import dev.switchboard.domain.Channel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * Binds one text contact's conversation pane: the header strip (medium, visitor, page and presence,
 * or ticket and SLA; E-mail transcript for a chat), the lines, the visitor typing, and the answer
 * (its own controller). One pane per tab, so each keeps its place, draft and formatted mails.
 */
public final class ConversationController implements LineActions {
    private final Messages messages;
    private final FileDialogs files;
    private final MailBodies bodies;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> transcriptKeys = this::onTranscriptKey;
    private ConversationViewModel vm;
    private MessageList list;

    @FXML private VBox root;
    @FXML private FontIcon mediumIcon;
    @FXML private Label mediumLabel;
    @FXML private Label visitorLabel;
    @FXML private HBox pageBox;
    @FXML private Label pageLabel;
    @FXML private Label presenceLabel;
    @FXML private Label ticketLabel;
    @FXML private Label slaLabel;
    @FXML private Button transcriptButton;
    @FXML private HBox transcriptBar;
    @FXML private TextField transcriptAddress;
    @FXML private Button transcriptSend;
    @FXML private Button transcriptCancel;
    @FXML private ProgressIndicator transcriptProgress;
    @FXML private Label transcriptProblem;
    @FXML private HBox noticeBar;
    @FXML private Label noticeLabel;
    @FXML private Button noticeClose;
    @FXML private ScrollPane scroll;
    @FXML private VBox linesBox;
    @FXML private VBox loadingPane;
    @FXML private ProgressIndicator loadingProgress;
    @FXML private Label loadingLabel;
    @FXML private Label loadProblem;
    @FXML private Button reloadButton;
    @FXML private Label emptyLabel;
    @FXML private HBox typingBar;
    @FXML private Label typingLabel;
    @FXML private VBox composerPanel;
    @FXML private ComposerController composerPanelController;
    @FXML private HBox endedBar;

    /** {@code later}: the FX thread, for work that must wait until the current event is handled. */
    public ConversationController(Messages messages, FileDialogs files, Executor later) {
        this.messages = messages;
        this.files = files;
        this.bodies = new MailBodies(later);
    }

    @FXML
    private void initialize() {
        noticeClose.setTooltip(new Tooltip(messages.get("conversation.notice.dismiss")));
        noticeClose.setAccessibleText(messages.get("conversation.notice.dismiss"));
        transcriptButton.setTooltip(new Tooltip(messages.get("conversation.transcript.tooltip")));
    }

    /** Shows {@code c}; called once, right after loading. */
    public void bind(ConversationViewModel c) {
        this.vm = c;
        Marks.mark(root, "conversation-" + c.interactionId());
        bindHeader();
        bindTranscript();
        shownText(noticeBar, noticeLabel, vm.noticeProperty());
        subscriptions.listen(vm.noticeProblemProperty(),
                (obs, old, now) -> noticeBar.pseudoClassStateChanged(PseudoClass.getPseudoClass("problem"), now));
        showWhen(loadingPane, vm.loadingProperty().or(vm.loadProblemProperty().isNotEmpty()));
        showWhen(loadingProgress, vm.loadingProperty());
        showWhen(loadingLabel, vm.loadingProperty());
        shownText(loadProblem, loadProblem, vm.loadProblemProperty());
        showWhen(reloadButton, vm.loadProblemProperty().isNotEmpty());
        showWhen(emptyLabel, Bindings.isEmpty(vm.lines()).and(vm.loadingProperty().not())
                .and(vm.loadProblemProperty().isEmpty()));
        list = new MessageList(scroll, linesBox, vm, vm.texts(), messages, this, bodies);
        subscriptions.add(list);
        shownText(typingBar, typingLabel, vm.typingProperty());
        composerPanelController.bind(vm);
        showWhen(composerPanel, vm.activeProperty());
        showWhen(endedBar, vm.activeProperty().not());
    }

    /** The pane's root, for its host. */
    public Node root() {
        return root;
    }

    /** Puts the cursor in the answer. */
    public void focus() {
        composerPanelController.focus();
    }

    /** Ctrl+Enter of the window: true if the cursor was in the answer, which is then sent. */
    public boolean sendIfFocused() {
        return composerPanelController.sendIfFocused();
    }

    /** Puts text at the cursor of the reply, when one can be written now; false otherwise. */
    public boolean insertIntoReply(String text) {
        return composerPanelController.insertText(text);
    }

    public void openCanned() {
        composerPanelController.openCanned();
    }

    public void dispose() {
        subscriptions.close();
        composerPanelController.dispose();
    }

    private void bindHeader() {
        HeaderModel h = vm.header();
        subscriptions.bind(mediumLabel.textProperty(), h.mediumTextProperty());
        subscriptions.listen(h.mediumProperty(), (obs, old, now) -> showMedium(now));
        showMedium(h.medium());
        // the address is in the contact bar above; the visitor's own name and e-mail say more
        shownText(visitorLabel, visitorLabel, h.visitorProperty());
        shownText(pageBox, pageLabel, h.pageProperty());
        Tooltip pageTip = new Tooltip();
        subscriptions.bind(pageTip.textProperty(), h.pageProperty());
        pageLabel.setTooltip(pageTip);
        shownText(presenceLabel, presenceLabel, h.presenceTextProperty());
        subscriptions.listen(h.presenceProperty(), (obs, old, now) -> states(presenceLabel, now.name()));
        states(presenceLabel, h.presenceProperty().get().name());
        shownText(ticketLabel, ticketLabel, h.ticketProperty());
        shownText(slaLabel, slaLabel, h.slaTextProperty());
        subscriptions.listen(h.slaProperty(), (obs, old, now) -> states(slaLabel, now.name()));
        states(slaLabel, h.slaProperty().get().name());
        show(transcriptButton, vm.channel() == Channel.CHAT);
    }

    private void bindTranscript() {
        TranscriptModel t = vm.transcript();
        showWhen(transcriptBar, t.openProperty());
        subscriptions.bindBidirectional(transcriptAddress.textProperty(), t.addressProperty());
        subscriptions.bind(transcriptSend.disableProperty(), t.busyProperty());
        subscriptions.bind(transcriptAddress.disableProperty(), t.busyProperty());
        showWhen(transcriptProgress, t.busyProperty());
        shownText(transcriptProblem, transcriptProblem, t.problemProperty());
        transcriptBar.addEventFilter(KeyEvent.KEY_PRESSED, transcriptKeys);
        subscriptions.onClose(() -> transcriptBar.removeEventFilter(KeyEvent.KEY_PRESSED, transcriptKeys));
        subscriptions.listen(t.openProperty(), (obs, old, now) -> {
            if (now) {
                transcriptAddress.requestFocus();
                transcriptAddress.selectAll();
            } else if (transcriptBar.isFocusWithin()) {
                transcriptButton.requestFocus();
            }
        });
    }

    private void showMedium(Medium m) {
        mediumIcon.setIconLiteral(switch (m) {
            case EMAIL -> "mdi2e-email-outline";
            case CHAT -> "mdi2c-chat-outline";
            case MESSENGER -> "mdi2f-facebook-messenger";
            case WHATSAPP -> "mdi2w-whatsapp";
            case SOCIAL -> "mdi2p-pound";
        });
        mediumIcon.getStyleClass().removeAll("channel-phone", "channel-email", "channel-chat", "channel-social");
        mediumIcon.getStyleClass().add(Icons.styleClass(vm.channel()));
    }

    private void onTranscriptKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            vm.transcript().cancel();
            e.consume();
        }
    }

    /** One pseudo-class per value of an enum shown by a badge: {@code :overdue}, {@code :connected}... */
    private static void states(Node node, String value) {
        for (String s : new String[] {"none", "connected", "away", "left", "due", "overdue", "answered"}) {
            node.pseudoClassStateChanged(PseudoClass.getPseudoClass(s), s.equals(value.toLowerCase(Locale.ROOT)));
        }
    }

    private void shownText(Node box, Label label, ObservableStringValue text) {
        subscriptions.bind(label.textProperty(), text);
        showWhen(box, Bindings.isNotEmpty(text));
    }

    private void showWhen(Node node, ObservableBooleanValue condition) {
        subscriptions.bind(node.visibleProperty(), BooleanExpression.booleanExpression(condition));
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    // ---- what the agent does with lines ----

    @Override
    public void save(AttachmentView file) {
        Path target = files.chooseSaveTarget(root.getScene().getWindow(),
                messages.get("conversation.file.saveTitle"), file.filename());
        if (target != null) {
            vm.download(file, target);
        }
    }

    @Override
    public void toggleFormatted(MessageItem item) {
        vm.toggleFormatted(item);
    }

    @Override
    public void useAgain(MessageItem item) {
        vm.useAgain(item);
        composerPanelController.focus();
    }

    @Override
    public void linkClicked(String url) {
        vm.linkRefused(url);
    }

    @FXML
    private void startTranscript() {
        vm.transcript().start(vm.visitorEmail());
    }

    @FXML
    private void sendTranscript() {
        vm.transcript().send();
    }

    @FXML
    private void cancelTranscript() {
        vm.transcript().cancel();
    }

    @FXML
    private void dismissNotice() {
        vm.dismissNotice();
    }

    @FXML
    private void reload() {
        vm.load();
    }
}
