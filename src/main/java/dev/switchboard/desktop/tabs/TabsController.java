package dev.switchboard.desktop.tabs;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.ui.Icons;
import dev.switchboard.desktop.ui.Marks;
import dev.switchboard.desktop.ui.Shortcuts;
import dev.switchboard.desktop.ui.UrgencyStyle;
import dev.switchboard.domain.InteractionState;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The tab strip above the card: channel icon, customer and a small state clock per worked contact.
 * Tabs are rebuilt when the list changes (a handful at most); each one's bindings go with it.
 */
public final class TabsController {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass WRAP_UP = PseudoClass.getPseudoClass("wrap-up");

    private final TabsViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final List<Tab> shown = new ArrayList<>();

    @FXML private HBox root;
    @FXML private HBox strip;
    @FXML private Label hint;

    public TabsController(TabsViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        subscriptions.listen(vm.tabs(), (ListChangeListener<ContactItem>) c -> rebuild());
        subscriptions.listen(vm.selectedTabProperty(), (obs, old, now) -> showSelection());
        MapChangeListener<Long, Integer> unread = c -> showUnread();
        vm.unread().addListener(unread);
        subscriptions.onClose(() -> vm.unread().removeListener(unread));
        subscriptions.bind(root.visibleProperty(), Bindings.isNotEmpty(vm.tabs()));
        subscriptions.bind(root.managedProperty(), root.visibleProperty());
        hint.setText(messages.format("tabs.hint", Shortcuts.NEXT_TAB.getDisplayText(),
                Shortcuts.PREVIOUS_TAB.getDisplayText()));
        rebuild();
    }

    public void dispose() {
        clear();
        subscriptions.close();
    }

    private void rebuild() {
        clear();
        int n = 0;
        for (ContactItem item : vm.tabs()) {
            n++;
            Tab tab = new Tab(item, n);
            shown.add(tab);
            strip.getChildren().add(tab.box);
        }
        showSelection();
        showUnread();
    }

    /** A dot with the count of the customer's new lines on the tabs the agent is not looking at. */
    private void showUnread() {
        for (Tab tab : shown) {
            Integer n = vm.unread().get(tab.item.interactionId());
            tab.unread.setText(n == null ? "" : n > 99 ? "99+" : Integer.toString(n));
            tab.unread.setVisible(n != null && n > 0);
            tab.unread.setManaged(tab.unread.isVisible());
            tab.unread.setAccessibleText(n == null ? "" : messages.format("tabs.unread", n));
        }
    }

    private void clear() {
        for (Tab tab : shown) {
            tab.subscriptions.close();
        }
        shown.clear();
        strip.getChildren().clear();
    }

    private void showSelection() {
        ContactItem selected = vm.selectedTabProperty().get();
        for (Tab tab : shown) {
            tab.box.pseudoClassStateChanged(SELECTED, tab.item == selected);
        }
    }

    /** One tab: its nodes and what they are bound to. */
    private final class Tab {
        final ContactItem item;
        final HBox box;
        final Label unread = new Label();
        final Subscriptions subscriptions = new Subscriptions();

        Tab(ContactItem item, int number) {
            this.item = item;
            StackPane icon = new StackPane(Icons.channelIcon(item.channel()));
            icon.getStyleClass().add("tab-icon");
            Label name = new Label();
            name.getStyleClass().add("tab-name");
            name.setMinWidth(0);
            unread.getStyleClass().add("tab-unread");
            unread.setMinWidth(Label.USE_PREF_SIZE);
            Marks.mark(unread, "unread-" + item.interactionId());
            HBox title = new HBox(6, name, unread);
            title.setAlignment(Pos.CENTER_LEFT);
            title.setMinWidth(0);
            Label state = new Label();
            state.getStyleClass().add("tab-state");
            Label clock = new Label();
            clock.getStyleClass().add("tab-clock");
            HBox status = new HBox(6, state, clock);
            VBox text = new VBox(1, title, status);
            text.setMinWidth(0);
            box = new HBox(8, icon, text);
            box.getStyleClass().add("work-tab");
            Marks.mark(box, "tab-" + item.interactionId());
            subscriptions.bind(name.textProperty(), item.titleProperty());
            subscriptions.bind(state.textProperty(), item.stateTextProperty());
            subscriptions.bind(clock.textProperty(), item.timerProperty());
            subscriptions.listen(item.urgencyProperty(), (obs, old, now) -> UrgencyStyle.show(clock, now));
            UrgencyStyle.show(clock, item.urgencyProperty().get());
            subscriptions.listen(item.stateProperty(),
                    (obs, old, now) -> box.pseudoClassStateChanged(WRAP_UP, now == InteractionState.WRAP_UP));
            box.pseudoClassStateChanged(WRAP_UP, item.state() == InteractionState.WRAP_UP);
            String key = number <= TabsViewModel.NUMBERED ? Shortcuts.tab(number).getDisplayText() : "";
            Tooltip tip = new Tooltip(key.isEmpty() ? messages.get("tabs.tooltip.plain")
                    : messages.format("tabs.tooltip", key));
            Tooltip.install(box, tip);
            EventHandler<MouseEvent> click = e -> vm.select(item);
            box.addEventHandler(MouseEvent.MOUSE_CLICKED, click);
            subscriptions.onClose(() -> {
                Tooltip.uninstall(box, tip);
                box.removeEventHandler(MouseEvent.MOUSE_CLICKED, click);
            });
        }
    }
}
