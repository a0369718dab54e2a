package dev.switchboard.desktop.card;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Registration;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.conversation.ConversationViewModel;
import dev.switchboard.desktop.conversation.ConversationsViewModel;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The Conversation / Customer switch in the contact bar of a text contact: which of the two its tab
 * shows, as the agent left it in that tab. Tells the card when that changes.
 */
final class ViewSwitch implements Registration {
    private final ConversationsViewModel conversations;
    private final HBox box;
    private final ToggleButton conversation;
    private final ToggleButton customer;
    private final Runnable changed;
    private final ToggleGroup group = new ToggleGroup();
    private final Subscriptions subscriptions = new Subscriptions();
    private final ChangeListener<Boolean> customerShown;
    private ConversationViewModel followed;
    /** The switch is being set to what is shown, not by the agent. */
    private boolean showing;

    ViewSwitch(ConversationsViewModel conversations, HBox box, ToggleButton conversation, ToggleButton customer,
               Messages messages, Runnable changed) {
        this.conversations = conversations;
        this.box = box;
        this.conversation = conversation;
        this.customer = customer;
        this.changed = changed;
        this.customerShown = (obs, old, now) -> changed.run();
        conversation.setToggleGroup(group);
        customer.setToggleGroup(group);
        conversation.setTooltip(new Tooltip(messages.get("card.view.conversation.tooltip")));
        customer.setTooltip(new Tooltip(messages.get("card.view.customer.tooltip")));
        subscriptions.listen(group.selectedToggleProperty(), (obs, old, now) -> {
            if (followed == null || showing) {
                return;
            }
            if (now == null) {
                group.selectToggle(old); // one of the two is always shown
            } else {
                followed.customerShownProperty().set(now == customer);
            }
        });
        subscriptions.listen(conversations.selectedProperty(), (obs, old, now) -> {
            follow(now);
            changed.run();
        });
        follow(conversations.selectedProperty().get());
    }

    /**
     * Whether the card shows the selected tab's conversation in {@code mode}; the switch is set to
     * match. The new-customer form, once asked for, shows even over a conversation.
     */
    boolean show(CardViewModel.Mode mode) {
        ConversationViewModel c = followed;
        boolean shown = c != null && mode != CardViewModel.Mode.EMPTY && mode != CardViewModel.Mode.NEW_CUSTOMER
                && !c.customerShownProperty().get();
        boolean visible = c != null && mode != CardViewModel.Mode.EMPTY;
        box.setVisible(visible);
        box.setManaged(visible);
        showing = true;
        group.selectToggle(shown ? conversation : customer);
        showing = false;
        return shown;
    }

    private void follow(ConversationViewModel c) {
        if (followed != null) {
            followed.customerShownProperty().removeListener(customerShown);
        }
        followed = c;
        if (c != null) {
            c.customerShownProperty().addListener(customerShown);
        }
    }

    @Override
    public void close() {
        follow(null);
        subscriptions.close();
    }
}
