package dev.switchboard.desktop.conversation;

import javafx.scene.Node;

/** The node that shows one line, with what it is bound to; {@link #dispose} releases both. */
interface LineNode {
    Node node();

    void dispose();
}
