package dev.switchboard.desktop.knowledge;

import dev.switchboard.api.ArticleView;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.View;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

import java.util.Map;

/**
 * Tools › Knowledge and call scripts…: the supervisors' editor. Articles: the list (title, queue,
 * tickets helped), New article, and the form (title, queue, keywords, text with its placeholders).
 * Call scripts: what the script is
 * for (a queue or a campaign), its title and its steps, one a line. Save writes in the background;
 * a refusal is shown under the form and the field it names is marked. Esc closes.
 */
public final class KnowledgeEditorDialog {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final KnowledgeEditorViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ListView<ArticleView> list = new ListView<>();
    private final TextField title = new TextField();
    private final ComboBox<KnowledgeEditorViewModel.Target> queue = new ComboBox<>();
    private final TextField keywords = new TextField();
    private final TextArea body = new TextArea();
    private final ComboBox<KnowledgeEditorViewModel.Target> scriptFor = new ComboBox<>();
    private final TextField scriptTitle = new TextField();
    private final TextArea scriptBody = new TextArea();

    private KnowledgeEditorDialog(KnowledgeEditorViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    public static void show(Node owner, KnowledgeEditorViewModel vm, Messages messages) {
        new KnowledgeEditorDialog(vm, messages).show(owner);
    }

    private void show(Node owner) {
        Dialog<Void> d = new Dialog<>();
        d.initModality(Modality.WINDOW_MODAL);
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        d.getDialogPane().getStylesheets().add(View.KNOWLEDGE.stylesheet().toExternalForm());
        d.getDialogPane().setId("knowledgeEditorDialog");
        d.setTitle(messages.get("knowledge.editor.title"));
        d.setResizable(true);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        TabPane tabs = new TabPane(new Tab(messages.get("knowledge.editor.articles"), articles()),
                new Tab(messages.get("knowledge.editor.scripts"), scripts()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("knowledgeEditorTabs");
        d.getDialogPane().setContent(new VBox(10, tabs, footer()));
        d.setOnShown(e -> title.requestFocus());
        d.setOnHidden(e -> {
            subscriptions.close();
            list.setItems(null);
        });
        vm.open();
        d.show();
    }

    private Node articles() {
        list.setId("knowledgeEditorList");
        list.setItems(vm.articles());
        list.setPrefSize(260, 380);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ArticleView a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.title() + "\n" + messages.format("knowledge.editor.line",
                        a.queueName() == null ? messages.get("knowledge.editor.anyQueue") : a.queueName(),
                        a.helpedTickets()));
            }
        });
        subscriptions.listen(list.getSelectionModel().selectedItemProperty(), (obs, old, now) -> {
            if (now != null) {
                vm.articleProperty().set(now);
            }
        });
        subscriptions.listen(vm.articleProperty(), (obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        Button fresh = new Button(messages.get("knowledge.editor.new"));
        fresh.setId("knowledgeEditorNew");
        fresh.setOnAction(e -> {
            vm.newArticle();
            title.requestFocus();
        });
        VBox left = new VBox(8, list, fresh);
        VBox.setVgrow(list, Priority.ALWAYS);

        title.setId("knowledgeEditorTitle");
        subscriptions.bindBidirectional(title.textProperty(), vm.titleProperty());
        queue.setId("knowledgeEditorQueue");
        queue.setItems(vm.queues());
        queue.setMaxWidth(Double.MAX_VALUE);
        subscriptions.bindBidirectional(queue.valueProperty(), vm.queueProperty());
        keywords.setId("knowledgeEditorKeywords");
        keywords.setPromptText(messages.get("knowledge.editor.keywords.prompt"));
        subscriptions.bindBidirectional(keywords.textProperty(), vm.keywordsProperty());
        body.setId("knowledgeEditorBody");
        body.setWrapText(true);
        body.setPrefRowCount(12);
        subscriptions.bindBidirectional(body.textProperty(), vm.bodyProperty());
        Button save = new Button(messages.get("knowledge.editor.save"));
        save.setId("knowledgeEditorSave");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.saveArticle());
        subscriptions.bind(save.disableProperty(), vm.busyProperty());
        VBox form = new VBox(6,
                caption("knowledge.editor.field.title"), title,
                caption("knowledge.editor.field.queue"), queue,
                caption("knowledge.editor.field.keywords"), keywords,
                caption("knowledge.editor.field.body"), body,
                hint("knowledge.editor.body.hint"), save);
        VBox.setVgrow(body, Priority.ALWAYS);
        HBox.setHgrow(form, Priority.ALWAYS);
        form.setPrefWidth(440);
        HBox box = new HBox(14, left, form);
        box.setPadding(new javafx.geometry.Insets(10, 0, 0, 0));
        return box;
    }

    private Node scripts() {
        scriptFor.setId("knowledgeEditorScriptFor");
        scriptFor.setItems(vm.scriptTargets());
        scriptFor.setMaxWidth(Double.MAX_VALUE);
        subscriptions.bindBidirectional(scriptFor.valueProperty(), vm.scriptTargetProperty());
        scriptTitle.setId("knowledgeEditorScriptTitle");
        subscriptions.bindBidirectional(scriptTitle.textProperty(), vm.scriptTitleProperty());
        scriptBody.setId("knowledgeEditorScriptBody");
        scriptBody.setWrapText(true);
        scriptBody.setPrefRowCount(14);
        subscriptions.bindBidirectional(scriptBody.textProperty(), vm.scriptBodyProperty());
        Button save = new Button(messages.get("knowledge.editor.saveScript"));
        save.setId("knowledgeEditorScriptSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.saveScript());
        subscriptions.bind(save.disableProperty(), vm.busyProperty());
        VBox form = new VBox(6,
                caption("knowledge.editor.field.for"), scriptFor,
                caption("knowledge.editor.field.title"), scriptTitle,
                caption("knowledge.editor.field.steps"), scriptBody,
                hint("knowledge.editor.steps.hint"), save);
        VBox.setVgrow(scriptBody, Priority.ALWAYS);
        form.setPadding(new javafx.geometry.Insets(10, 0, 0, 0));
        return form;
    }

    private Node footer() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("small-progress");
        subscriptions.bind(progress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(progress.managedProperty(), vm.busyProperty());
        Label status = new Label();
        status.setId("knowledgeEditorStatus");
        status.getStyleClass().add("section-hint");
        subscriptions.bind(status.textProperty(), vm.statusProperty());
        Label error = new Label();
        error.setId("knowledgeEditorError");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        subscriptions.bind(error.textProperty(), vm.errorProperty());
        subscriptions.bind(error.visibleProperty(), Bindings.isNotEmpty(vm.errorProperty()));
        subscriptions.bind(error.managedProperty(), error.visibleProperty());
        Map<String, Control> fields = Map.of("title", title, "body", body, "keywords", keywords, "queueId", queue,
                "scriptFor", scriptFor, "scriptTitle", scriptTitle, "scriptBody", scriptBody);
        subscriptions.listen(vm.errorFieldProperty(), (obs, old, now) -> fields.forEach((name, control) ->
                control.pseudoClassStateChanged(INVALID, name.equals(now))));
        HBox line = new HBox(8, progress, status);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, line, error);
    }

    private Label caption(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("field-label");
        return l;
    }

    private Label hint(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("section-hint");
        l.setWrapText(true);
        return l;
    }
}
