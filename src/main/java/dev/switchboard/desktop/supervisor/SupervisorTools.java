package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.customer.CustomerMergeDialog;
import dev.switchboard.desktop.customer.CustomerMergeViewModel;
import dev.switchboard.desktop.customer.CustomerPickDialog;
import dev.switchboard.desktop.customer.CustomerPickViewModel;
import dev.switchboard.desktop.knowledge.KnowledgeEditorDialog;
import dev.switchboard.desktop.knowledge.KnowledgeEditorViewModel;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

/**
 * The dashboard's Tools menu: Duplicate customers… (Ctrl+Shift+F: find a customer, then merge their
 * duplicates into them; supervisors see no customer card, so this is where they do it) and Knowledge
 * and call scripts… (Ctrl+Shift+A), the keys being the items' accelerators. Each is offered only when the
 * desktop gave what it needs; the menu only when one of them is.
 */
final class SupervisorTools {
    private CustomerPickViewModel pick;
    private CustomerMergeViewModel merge;
    private KnowledgeEditorViewModel editor;
    private Node owner;
    private Messages messages;

    void mergeCustomersWith(CustomerPickViewModel pick, CustomerMergeViewModel merge) {
        this.pick = pick;
        this.merge = merge;
    }

    void editKnowledgeWith(KnowledgeEditorViewModel editor) {
        this.editor = editor;
    }

    void bind(MenuButton menu, MenuItem duplicates, MenuItem knowledge, Node owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
        duplicates.setVisible(canMerge());
        duplicates.setAccelerator(SupervisorKeys.DUPLICATES);
        duplicates.setOnAction(e -> openDuplicates());
        knowledge.setVisible(editor != null);
        knowledge.setAccelerator(SupervisorKeys.KNOWLEDGE);
        knowledge.setOnAction(e -> openKnowledge());
        menu.setVisible(canMerge() || editor != null);
        menu.setManaged(menu.isVisible());
        menu.setTooltip(new Tooltip(messages.get("supervisor.tools.tip")));
    }

    private boolean canMerge() {
        return pick != null && merge != null && merge.allowed();
    }

    private void openDuplicates() {
        CustomerPickDialog.show(owner, pick, messages, messages.get("supervisor.duplicates.pick"), customer -> {
            merge.open(customer);
            CustomerMergeDialog.show(owner, merge, messages);
        });
    }

    private void openKnowledge() {
        KnowledgeEditorDialog.show(owner, editor, messages);
    }
}
