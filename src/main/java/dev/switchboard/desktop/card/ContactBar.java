package dev.switchboard.desktop.card;

import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.ui.Icons;
import dev.switchboard.desktop.ui.Shortcuts;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The contact bar as the contact's state has it: the channel icon and state badge, the actions that
 * apply now (ending a call is hanging up), and the glow of an offer until it is answered.
 */
final class ContactBar {
    private static final PseudoClass OFFERED = PseudoClass.getPseudoClass("offered");
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final PseudoClass FINISHED = PseudoClass.getPseudoClass("finished");
    private static final PseudoClass WRAP_UP = PseudoClass.getPseudoClass("wrap-up");

    /** The nodes of the card's contact bar. */
    record Nodes(Region offerGlow, HBox bar, StackPane iconBox, Label state, Button accept, Button reject,
                 Button transfer, Button callback, Button end) {
    }

    private final Nodes nodes;
    private final Messages messages;
    private final EnumText enums;
    private final FadeTransition glow;

    ContactBar(Nodes nodes, Messages messages, EnumText enums) {
        this.nodes = nodes;
        this.messages = messages;
        this.enums = enums;
        glow = new FadeTransition(Duration.millis(700), nodes.offerGlow());
        glow.setFromValue(1.0);
        glow.setToValue(0.25);
        glow.setAutoReverse(true);
        glow.setCycleCount(Animation.INDEFINITE);
        tooltip(nodes.accept(), "card.accept.tooltip", Shortcuts.ACCEPT);
        tooltip(nodes.reject(), "card.reject.tooltip", Shortcuts.REJECT);
        tooltip(nodes.end(), "card.end.tooltip", Shortcuts.END);
        tooltip(nodes.transfer(), "card.transfer.tooltip", Shortcuts.TRANSFER);
        tooltip(nodes.callback(), "card.callback.tooltip", Shortcuts.CALLBACK);
    }

    void showIcon(ContactItem item) {
        nodes.iconBox().getChildren().clear();
        if (item != null) {
            nodes.iconBox().getChildren().add(Icons.channelIcon(item.channel()));
        }
    }

    void showState(ContactItem item, InteractionState state) {
        Label badge = nodes.state();
        badge.setText(state == null ? "" : enums.interactionState(state));
        badge.pseudoClassStateChanged(OFFERED, state == InteractionState.OFFERED);
        badge.pseudoClassStateChanged(ACTIVE, state == InteractionState.ACTIVE);
        badge.pseudoClassStateChanged(FINISHED, state != null && state.isFinished());
        badge.pseudoClassStateChanged(WRAP_UP, state == InteractionState.WRAP_UP);
        boolean offered = state == InteractionState.OFFERED;
        nodes.bar().pseudoClassStateChanged(OFFERED, offered);
        CardController.show(nodes.accept(), offered);
        CardController.show(nodes.reject(), offered);
        CardController.show(nodes.end(), state == InteractionState.ACTIVE);
        CardController.show(nodes.transfer(), state == InteractionState.ACTIVE);
        boolean call = item != null && item.channel() == Channel.PHONE;
        CardController.show(nodes.callback(), state == InteractionState.ACTIVE && call);
        // ending a call is hanging up
        boolean chat = item != null && item.channel() == Channel.CHAT;
        nodes.end().setText(messages.get(call ? "card.hangUp" : chat ? "card.endChat" : "card.end"));
        tooltip(nodes.end(), call ? "card.hangUp.tooltip" : chat ? "card.endChat.tooltip" : "card.end.tooltip",
                Shortcuts.END);
        nodes.offerGlow().setVisible(offered);
        if (offered) {
            glow.playFromStart();
        } else {
            glow.stop();
            nodes.offerGlow().setOpacity(1);
        }
    }

    void stop() {
        glow.stop();
    }

    private void tooltip(Button button, String key, KeyCombination shortcut) {
        button.setTooltip(new Tooltip(messages.format(key, shortcut.getDisplayText())));
    }
}
