package dev.switchboard.desktop.admin;

import dev.switchboard.api.AdminUserView;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.View;
import dev.switchboard.domain.Role;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The person dialog: Enter saves (the dialog stays open until the server agreed), Escape cancels. A
 * refusal is written under the fields and the field it names is marked and focused; nothing typed is lost.
 */
final class PersonDialog {
    private PersonDialog() {
    }

    static void open(Node owner, PersonForm form, Messages messages, EnumText enums, Consumer<AdminUserView> saved) {
        Subscriptions subs = new Subscriptions();
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(messages.get(form.isNew() ? "admin.person.new.title" : "admin.person.edit.title"));
        d.initModality(Modality.WINDOW_MODAL);
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        d.getDialogPane().getStylesheets().add(View.ADMIN.stylesheet().toExternalForm());
        d.getDialogPane().getStyleClass().add("admin-dialog");
        d.getDialogPane().setId("admin-person-dialog");
        ButtonType okType = new ButtonType(messages.get("admin.person.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(okType, ButtonType.CANCEL);

        TextField username = new TextField();
        username.setId("admin-username");
        TextField name = new TextField();
        name.setId("admin-name");
        ComboBox<Role> role = new ComboBox<>();
        role.setId("admin-role");
        role.getItems().setAll(Role.values());
        role.setCellFactory(l -> new RoleCell(enums));
        role.setButtonCell(new RoleCell(enums));
        ComboBox<TeamChoice> team = new ComboBox<>();
        team.setId("admin-team");
        team.getItems().setAll(form.teams());
        TextField skills = new TextField();
        skills.setId("admin-skills");
        skills.setPromptText(messages.get("admin.person.skills.prompt"));
        PasswordField password = new PasswordField();
        password.setId("admin-password");
        password.setPromptText(messages.get(form.isNew() ? "admin.person.password.new" : "admin.person.password.keep"));
        CheckBox disabled = new CheckBox(messages.get("admin.person.disabled"));
        disabled.setId("admin-disabled");

        subs.bindBidirectional(username.textProperty(), form.usernameProperty());
        username.setDisable(!form.isNew());
        subs.bindBidirectional(name.textProperty(), form.displayNameProperty());
        subs.bindBidirectional(role.valueProperty(), form.roleProperty());
        subs.bindBidirectional(team.valueProperty(), form.teamProperty());
        subs.bindBidirectional(skills.textProperty(), form.skillsProperty());
        subs.bindBidirectional(password.textProperty(), form.passwordProperty());
        subs.bindBidirectional(disabled.selectedProperty(), form.disabledProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        row(grid, 0, messages.get("admin.person.username"), username);
        row(grid, 1, messages.get("admin.person.name"), name);
        row(grid, 2, messages.get("admin.person.role"), role);
        row(grid, 3, messages.get("admin.person.team"), team);
        row(grid, 4, messages.get("admin.person.skills"), skills);
        row(grid, 5, messages.get("admin.person.password"), password);
        grid.add(disabled, 1, 6);
        Label error = new Label();
        error.setId("admin-person-error");
        error.getStyleClass().add("admin-dialog-error");
        error.setMaxWidth(420);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        subs.bind(error.textProperty(), form.errorProperty());
        subs.bind(error.visibleProperty(), form.errorProperty().isNotEmpty());
        subs.bind(error.managedProperty(), error.visibleProperty());
        subs.bind(busy.visibleProperty(), form.busyProperty());
        d.getDialogPane().setContent(new VBox(10, grid, error, busy));

        Map<String, Control> fields = Map.of("username", username, "displayName", name, "role", role,
                "teamId", team, "skills", skills, "password", password, "disabled", disabled);
        subs.listen(form.errorFieldProperty(), (obs, old, field) -> {
            fields.values().forEach(c -> c.getStyleClass().remove("admin-field-error"));
            Control c = fields.get(field);
            if (c != null) {
                c.getStyleClass().add("admin-field-error");
                c.requestFocus();
            }
        });

        Button ok = (Button) d.getDialogPane().lookupButton(okType);
        ok.setId("admin-person-ok");
        subs.bind(ok.disableProperty(), form.busyProperty());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes when the server agreed, not before
            form.save(view -> {
                saved.accept(view);
                d.setResult(okType);
                d.close();
            });
        });
        d.setOnHidden(e -> subs.close());
        d.show();
        (form.isNew() ? username : name).requestFocus();
    }

    private static void row(GridPane grid, int at, String caption, Control field) {
        Label label = new Label(caption);
        label.setLabelFor(field);
        field.setPrefWidth(300);
        grid.add(label, 0, at);
        grid.add(field, 1, at);
    }

    private static final class RoleCell extends ListCell<Role> {
        private final EnumText enums;

        RoleCell(EnumText enums) {
            this.enums = enums;
        }

        @Override
        protected void updateItem(Role item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : enums.role(item));
        }
    }
}
