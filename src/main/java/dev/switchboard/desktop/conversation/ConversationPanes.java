package dev.switchboard.desktop.conversation;

import dev.switchboard.desktop.Registration;
import dev.switchboard.desktop.Subscriptions;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.StackPane;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The conversation panes in the card, one per text tab: made the first time its tab is shown, kept
 * (with its scroll position, draft and formatted mails) while the agent works other tabs, let go when
 * the tab closes. Only the selected tab's pane is visible.
 */
public final class ConversationPanes implements Registration {
    private final StackPane host;
    private final ConversationsViewModel vm;
    private final Supplier<ConversationController> load;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Map<ConversationViewModel, ConversationController> panes = new HashMap<>();

    /** {@code load}: a new, unbound pane. */
    public ConversationPanes(StackPane host, ConversationsViewModel vm, Supplier<ConversationController> load) {
        this.host = host;
        this.vm = vm;
        this.load = load;
        subscriptions.listen(vm.selectedProperty(), (obs, old, now) -> show(now));
        subscriptions.listen(vm.open(), (ListChangeListener<ConversationViewModel>) c -> dropClosed());
        show(vm.selectedProperty().get());
    }

    /** The pane shown, or null. */
    public ConversationController current() {
        ConversationViewModel selected = vm.selectedProperty().get();
        return selected == null ? null : panes.get(selected);
    }

    private void show(ConversationViewModel selected) {
        if (selected != null && !panes.containsKey(selected)) {
            ConversationController pane = load.get();
            pane.bind(selected);
            panes.put(selected, pane);
            host.getChildren().add(pane.root());
        }
        panes.forEach((c, pane) -> {
            pane.root().setVisible(c == selected);
            pane.root().setManaged(c == selected);
        });
    }

    private void dropClosed() {
        for (ConversationViewModel c : List.copyOf(panes.keySet())) {
            if (!vm.open().contains(c)) {
                ConversationController pane = panes.remove(c);
                host.getChildren().remove(pane.root());
                pane.dispose();
            }
        }
    }

    @Override
    public void close() {
        subscriptions.close();
        panes.values().forEach(ConversationController::dispose);
        panes.clear();
        host.getChildren().clear();
    }
}
