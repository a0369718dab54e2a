package dev.switchboard.desktop.knowledge;

import dev.switchboard.api.CallScriptView;
import dev.switchboard.api.KnowledgeItemView;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.function.Predicate;

/**
 * The knowledge panel: the call script on top for a call, then a search field, the entries found and
 * the text of the one selected, to insert into the reply (a written contact), copy, or mark as having
 * helped with the contact's ticket. F1 opens it (and puts the cursor in the search field) or closes it.
 */
public final class KnowledgeController {
    /** How long typing must pause before the words are searched. */
    static final Duration TYPING_PAUSE = Duration.millis(300);
    /** About the height of one entry in the list: a title line and a detail line. */
    static final double ROW_HEIGHT = 50;

    private final KnowledgeViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", true);
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);
    private Predicate<String> insertIntoReply = text -> false;

    @FXML private VBox knowledgeRoot;
    @FXML private ScrollPane scriptScroll;
    @FXML private VBox scriptBox;
    @FXML private Label scriptTitle;
    @FXML private VBox scriptSteps;
    @FXML private TextField knowledgeSearch;
    @FXML private ProgressIndicator knowledgeProgress;
    @FXML private Label knowledgeStatus;
    @FXML private Label knowledgeProblem;
    @FXML private ListView<KnowledgeItemView> knowledgeList;
    @FXML private ScrollPane knowledgeTextScroll;
    @FXML private Label knowledgeText;
    @FXML private Button knowledgeInsert;
    @FXML private Button knowledgeCopy;
    @FXML private Button knowledgeHelped;
    @FXML private Label knowledgeHelpedText;
    @FXML private javafx.scene.layout.FlowPane knowledgeActions;
    @FXML private Button knowledgeClose;

    public KnowledgeController(KnowledgeViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        knowledgeClose.setTooltip(new Tooltip(messages.get("knowledge.close.tooltip")));
        knowledgeList.setItems(vm.items());
        knowledgeList.setCellFactory(list -> new ItemCell());
        // as tall as its entries (up to its maximum): the text of the one selected gets the rest
        knowledgeList.prefHeightProperty().bind(Bindings.size(vm.items()).multiply(ROW_HEIGHT).add(4));
        subscriptions.listen(knowledgeList.getSelectionModel().selectedItemProperty(), (obs, old, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        subscriptions.listen(vm.selectedProperty(), (obs, old, now) -> showSelected(now));
        subscriptions.listen(vm.helpedTextProperty(), (obs, old, now) -> {
            showActions();
            knowledgeList.refresh();
        });
        subscriptions.listen(vm.ticketIdProperty(), (obs, old, now) -> showActions());
        subscriptions.listen(vm.textProperty(), (obs, old, now) -> showActions());
        subscriptions.bind(knowledgeStatus.textProperty(), vm.statusProperty());
        subscriptions.bind(knowledgeProblem.textProperty(), vm.problemProperty());
        showWhen(knowledgeProblem, Bindings.isNotEmpty(vm.problemProperty()));
        showWhen(knowledgeProgress, vm.loadingProperty());
        subscriptions.bind(knowledgeHelpedText.textProperty(), vm.helpedTextProperty());
        showWhen(knowledgeHelpedText, Bindings.isNotEmpty(vm.helpedTextProperty()));
        // nothing found: no empty text box and idle buttons below the list
        var found = Bindings.isNotEmpty(vm.items());
        showWhen(knowledgeList, found);
        showWhen(knowledgeTextScroll, found);
        showWhen(knowledgeActions, found);
        subscriptions.listen(vm.scriptProperty(), (obs, old, now) -> showScript(now));
        showScript(vm.scriptProperty().get());
        typing.setOnFinished(e -> vm.search(knowledgeSearch.getText()));
        subscriptions.listen(knowledgeSearch.textProperty(), (obs, old, now) -> typing.playFromStart());
        knowledgeSearch.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                typing.stop();
                vm.search(knowledgeSearch.getText());
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !vm.items().isEmpty()) {
                knowledgeList.requestFocus();
                knowledgeList.getSelectionModel().select(vm.selectedProperty().get());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !knowledgeSearch.getText().isEmpty()) {
                knowledgeSearch.clear();
                e.consume();
            }
        });
        showSelected(vm.selectedProperty().get());
    }

    /**
     * Placed beside the card: shown while open, a contact is in hand and {@code room} holds (the
     * wrap-up panel takes the place while it is up); {@code insert} puts text into the reply being
     * written, false when there is none on screen.
     */
    public void attach(ObservableBooleanValue room, Predicate<String> insert) {
        this.insertIntoReply = insert;
        var shown = open.and(vm.hasContactProperty()).and(room);
        subscriptions.bind(knowledgeRoot.visibleProperty(), shown);
        subscriptions.bind(knowledgeRoot.managedProperty(), shown);
    }

    /** The contact now on the card (null: none). */
    public void show(dev.switchboard.desktop.contacts.ContactItem contact) {
        vm.show(contact == null ? null : contact.interactionId(), contact == null ? null : contact.channel());
    }

    /** The card's tickets changed: a contact without a ticket may have one now. */
    public void ticketsChanged() {
        if (vm.hasContactProperty().get() && vm.ticketIdProperty().get() == null) {
            vm.refresh();
        }
    }

    /** F1: opens the panel with the cursor in the search field, or closes it when it has the focus. */
    public void toggle() {
        if (knowledgeRoot.isVisible() && focusWithin()) {
            open.set(false);
            return;
        }
        open.set(true);
        if (knowledgeRoot.isVisible()) {
            knowledgeSearch.requestFocus();
            knowledgeSearch.selectAll();
        }
    }

    public boolean focusWithin() {
        var owner = knowledgeRoot.getScene() == null ? null : knowledgeRoot.getScene().getFocusOwner();
        for (var n = owner; n != null; n = n.getParent()) {
            if (n == knowledgeRoot) {
                return true;
            }
        }
        return false;
    }

    public javafx.scene.Node root() {
        return knowledgeRoot;
    }

    public void dispose() {
        typing.stop();
        subscriptions.close();
    }

    @FXML
    private void close() {
        open.set(false);
    }

    @FXML
    private void insert() {
        KnowledgeItemView item = vm.selectedProperty().get();
        if (item == null) {
            return;
        }
        if (!insertIntoReply.test(item.body())) {
            copyToClipboard(item.body());
            vm.say(messages.get("knowledge.insert.copied"));
        }
    }

    @FXML
    private void copy() {
        KnowledgeItemView item = vm.selectedProperty().get();
        if (item != null) {
            copyToClipboard(item.body());
        }
    }

    @FXML
    private void helped() {
        vm.markHelped();
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void showSelected(KnowledgeItemView item) {
        knowledgeText.setText(item == null ? "" : item.body());
        knowledgeTextScroll.setVvalue(0);
        if (item != null && knowledgeList.getSelectionModel().getSelectedItem() != item) {
            knowledgeList.getSelectionModel().select(item);
        }
        vm.updateHelpedText();
        showActions();
    }

    private void showActions() {
        KnowledgeItemView item = vm.selectedProperty().get();
        knowledgeCopy.setDisable(item == null);
        knowledgeInsert.setDisable(item == null || !vm.textProperty().get());
        show(knowledgeInsert, vm.textProperty().get());
        boolean article = item != null && item.isArticle();
        show(knowledgeHelped, article);
        knowledgeHelped.setDisable(!vm.canMarkHelped());
    }

    private void showScript(CallScriptView script) {
        scriptSteps.getChildren().clear();
        show(scriptScroll, script != null);
        scriptScroll.setVvalue(0);
        if (script == null) {
            return;
        }
        scriptTitle.setText(messages.format("knowledge.script.title", script.title()));
        for (String line : script.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            HBox step = new HBox(8);
            if (colon > 0 && colon <= 20) {
                Label caption = new Label(line.substring(0, colon));
                caption.getStyleClass().add("script-step-caption");
                caption.setMinWidth(Region.USE_PREF_SIZE);
                Label text = new Label(line.substring(colon + 1).strip());
                text.getStyleClass().add("script-step-text");
                text.setWrapText(true);
                HBox.setHgrow(text, Priority.ALWAYS);
                step.getChildren().addAll(caption, text);
            } else {
                Label text = new Label(line.strip());
                text.getStyleClass().add("script-step-text");
                text.setWrapText(true);
                step.getChildren().add(text);
            }
            scriptSteps.getChildren().add(step);
        }
    }

    private void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableValue<Boolean> condition) {
        subscriptions.bind(node.visibleProperty(), condition);
        subscriptions.bind(node.managedProperty(), condition);
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** An entry: its title, what kind it is, and the words of the contact it matched. */
    private final class ItemCell extends ListCell<KnowledgeItemView> {
        @Override
        protected void updateItem(KnowledgeItemView item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label title = new Label(item.title());
            title.getStyleClass().add("knowledge-item-title");
            title.setMinWidth(0);
            Label kind = new Label(messages.get(item.isArticle() ? "knowledge.kind.article" : "knowledge.kind.canned"));
            kind.getStyleClass().add("knowledge-kind");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            HBox top = new HBox(6, title, kind);
            StringBuilder detail = new StringBuilder();
            if (!item.matched().isEmpty()) {
                detail.append(messages.format("knowledge.matched", String.join(", ", item.matched())));
            }
            if (item.queueName() != null) {
                detail.append(detail.isEmpty() ? "" : " · ").append(item.queueName());
            }
            if (vm.isHelped(item)) {
                detail.append(detail.isEmpty() ? "" : " · ").append(messages.get("knowledge.helped.mark"));
            } else if (item.helpedTickets() > 0) {
                detail.append(detail.isEmpty() ? "" : " · ")
                        .append(messages.format("knowledge.helpedTickets", item.helpedTickets()));
            }
            Label more = new Label(detail.toString());
            more.getStyleClass().add("knowledge-item-detail");
            more.setMinWidth(0);
            VBox box = new VBox(2, top, more);
            box.setMinWidth(0);
            // a cell lays its graphic out at the graphic's preferred width: keep it inside the list
            box.setPrefWidth(Math.max(0, getListView().getWidth() - 34));
            HBox.setHgrow(title, Priority.SOMETIMES);
            setText(null);
            setGraphic(box);
        }
    }
}
