package dev.switchboard.desktop.card;

import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * Binds what the server works out about the customer: the value badge (with its working in a
 * tooltip, the pop's stored value until the insight arrives), up to three churn signals, the
 * do-not-upsell banner, the customer's marketing and survey answers in one line, and the grid of
 * contact permissions the agent can change, floating below its button so the card keeps its layout.
 */
final class InsightPane {
    private static final double EDGE = 8;
    private static final double GAP = 4;

    private final InsightModel model;
    private final Nodes nodes;
    private final Messages messages;
    private final EnumText enums;
    private final Tooltip valueTip = new Tooltip();
    private final Tooltip moreTip = new Tooltip();
    private final EventHandler<KeyEvent> panelKeys = this::onPanelKey;
    private final EventHandler<MouseEvent> outside = this::onPressedOutside;
    private final ChangeListener<Object> follow = (obs, old, now) -> place();

    /** The nodes of the card that show the insight. */
    record Nodes(StackPane root, Label value, VBox insightBox, VBox signals, Label moreSignals,
                 Label permissionSummary,
                 ToggleButton permissionsToggle, VBox permissionsPanel, GridPane permissionsGrid,
                 Label permissionError, HBox upsellBanner, Label upsellReason) {
    }

    InsightPane(InsightModel model, IdentityModel identity, Nodes nodes, Messages messages, EnumText enums,
                Subscriptions subscriptions) {
        this.model = model;
        this.nodes = nodes;
        this.messages = messages;
        this.enums = enums;
        // the value the pop carried stays until the server's working arrives
        subscriptions.bind(nodes.value().textProperty(), Bindings.createStringBinding(
                () -> model.valueProperty().get().isEmpty() ? identity.valueProperty().get() : model.valueProperty().get(),
                model.valueProperty(), identity.valueProperty()));
        subscriptions.bind(valueTip.textProperty(), model.valueHelpProperty());
        subscriptions.listen(model.valueHelpProperty(), (obs, old, now) -> showValueTip());
        subscriptions.listen(model.bandProperty(), (obs, old, now) -> showBand(now));
        showValueTip();
        showBand(model.bandProperty().get());

        subscriptions.bind(nodes.insightBox().visibleProperty(), model.loadedProperty());
        subscriptions.bind(nodes.insightBox().managedProperty(), model.loadedProperty());
        subscriptions.listen(model.signals(), (ListChangeListener<String>) c -> showSignals());
        showSignals();
        subscriptions.bind(nodes.moreSignals().textProperty(), model.moreSignalsProperty());
        shownWhenText(nodes.moreSignals(), subscriptions);
        subscriptions.bind(moreTip.textProperty(), model.moreSignalsHelpProperty());
        nodes.moreSignals().setTooltip(moreTip);

        subscriptions.bind(nodes.upsellReason().textProperty(), model.doNotUpsellReasonProperty());
        subscriptions.bind(nodes.upsellBanner().visibleProperty(), model.doNotUpsellProperty());
        subscriptions.bind(nodes.upsellBanner().managedProperty(), model.doNotUpsellProperty());

        subscriptions.bind(nodes.permissionSummary().textProperty(), model.permissionSummaryProperty());
        shownWhenText(nodes.permissionSummary(), subscriptions);
        subscriptions.bind(nodes.permissionError().textProperty(), model.permissionErrorProperty());
        shownWhenText(nodes.permissionError(), subscriptions);
        nodes.permissionsToggle().setTooltip(new Tooltip(messages.get("card.insight.permissions.tooltip")));
        subscriptions.bind(nodes.permissionsPanel().visibleProperty(), nodes.permissionsToggle().selectedProperty());
        subscriptions.bind(nodes.permissionsPanel().managedProperty(), nodes.permissionsToggle().selectedProperty());
        subscriptions.listen(nodes.permissionsToggle().selectedProperty(), (obs, old, now) -> {
            if (now) {
                nodes.permissionsToggle().localToSceneTransformProperty().addListener(follow);
                nodes.root().layoutBoundsProperty().addListener(follow);
                place();
                nodes.permissionsGrid().getChildren().stream().filter(n -> n instanceof CheckBox).findFirst()
                        .ifPresent(Node::requestFocus);
            } else {
                nodes.permissionsToggle().localToSceneTransformProperty().removeListener(follow);
                nodes.root().layoutBoundsProperty().removeListener(follow);
            }
        });
        nodes.root().addEventFilter(MouseEvent.MOUSE_PRESSED, outside);
        subscriptions.onClose(() -> {
            close();
            nodes.root().removeEventFilter(MouseEvent.MOUSE_PRESSED, outside);
        });
        // nothing new to show without the insight: no grid to open either
        subscriptions.listen(model.loadedProperty(), (obs, old, now) -> {
            if (!now) {
                close();
            }
        });
        nodes.permissionsPanel().addEventFilter(KeyEvent.KEY_PRESSED, panelKeys);
        subscriptions.onClose(() -> nodes.permissionsPanel().removeEventFilter(KeyEvent.KEY_PRESSED, panelKeys));
        buildGrid(subscriptions);
    }

    /** Folds the permission grid away (another customer, or Escape). */
    void close() {
        nodes.permissionsToggle().setSelected(false);
    }

    /** Just below the button, its left edges aligned, kept inside the card. */
    private void place() {
        ToggleButton toggle = nodes.permissionsToggle();
        VBox panel = nodes.permissionsPanel();
        if (toggle.getScene() == null) {
            return;
        }
        Bounds b = toggle.localToScene(toggle.getBoundsInLocal());
        Point2D below = nodes.root().sceneToLocal(b.getMinX(), b.getMaxY());
        double width = panel.prefWidth(-1);
        double room = nodes.root().getWidth() - width - EDGE;
        panel.setTranslateX(Math.max(EDGE, Math.min(below.getX(), room)));
        panel.setTranslateY(below.getY() + GAP);
    }

    /** A click anywhere else folds the grid away, as a popover does. */
    private void onPressedOutside(MouseEvent e) {
        if (nodes.permissionsToggle().isSelected() && e.getTarget() instanceof Node target
                && !within(target, nodes.permissionsPanel()) && !within(target, nodes.permissionsToggle())) {
            close();
        }
    }

    private static boolean within(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void onPanelKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            close();
            nodes.permissionsToggle().requestFocus();
            e.consume();
        }
    }

    private void showValueTip() {
        nodes.value().setTooltip(model.valueHelpProperty().get().isEmpty() ? null : valueTip);
    }

    private void showBand(String band) {
        String key = InsightModel.band(band);
        for (String b : InsightModel.BANDS) {
            nodes.value().pseudoClassStateChanged(PseudoClass.getPseudoClass(b), b.equals(key));
        }
    }

    private void showSignals() {
        nodes.signals().getChildren().clear();
        for (String text : model.signals()) {
            Label line = new Label(text, new FontIcon("mdi2a-alert-outline"));
            line.getStyleClass().add("churn-signal");
            line.setWrapText(true);
            line.setMinWidth(0);
            nodes.signals().getChildren().add(line);
        }
        nodes.signals().setVisible(!model.signals().isEmpty());
        nodes.signals().setManaged(!model.signals().isEmpty());
    }

    /** Channels down, purposes across; a box is ticked when the customer may be contacted so. */
    private void buildGrid(Subscriptions subscriptions) {
        GridPane grid = nodes.permissionsGrid();
        grid.getChildren().clear();
        ContactPurpose[] purposes = ContactPurpose.values();
        for (int col = 0; col < purposes.length; col++) {
            Label head = new Label(model.purpose(purposes[col]));
            head.getStyleClass().add("permissions-head");
            grid.add(head, col + 1, 0);
        }
        int row = 1;
        for (Channel channel : Channel.values()) {
            Label name = new Label(enums.channel(channel));
            name.getStyleClass().add("permissions-channel");
            grid.add(name, 0, row);
            for (int col = 0; col < purposes.length; col++) {
                PermissionChoice choice = find(channel, purposes[col]);
                if (choice != null) {
                    grid.add(box(choice, subscriptions), col + 1, row);
                }
            }
            row++;
        }
    }

    private CheckBox box(PermissionChoice choice, Subscriptions subscriptions) {
        CheckBox box = new CheckBox();
        box.setId("permission-" + choice.channel().name().toLowerCase(Locale.ROOT) + "-"
                + choice.purpose().name().toLowerCase(Locale.ROOT));
        box.getStyleClass().add("permission-box");
        box.setAccessibleText(messages.format("card.insight.permission.box", model.purpose(choice.purpose()),
                enums.channel(choice.channel())));
        Tooltip unasked = new Tooltip(messages.get("card.insight.permissions.unasked"));
        ChangeListener<Boolean> recorded = (obs, old, now) -> box.setTooltip(now ? null : unasked);
        box.setSelected(choice.allowedProperty().get());
        recorded.changed(null, null, choice.recordedProperty().get());
        subscriptions.listen(choice.allowedProperty(), (obs, old, now) -> box.setSelected(now));
        subscriptions.listen(choice.recordedProperty(), recorded);
        subscriptions.bind(box.disableProperty(), choice.busyProperty());
        box.setOnAction(e -> model.change(choice, box.isSelected()));
        subscriptions.onClose(() -> box.setOnAction(null));
        return box;
    }

    private PermissionChoice find(Channel channel, ContactPurpose purpose) {
        return model.permissions().stream().filter(c -> c.channel() == channel && c.purpose() == purpose)
                .findFirst().orElse(null);
    }

    private static void shownWhenText(Label label, Subscriptions subscriptions) {
        subscriptions.bind(label.visibleProperty(), label.textProperty().isNotEmpty());
        subscriptions.bind(label.managedProperty(), label.visibleProperty());
    }
}
