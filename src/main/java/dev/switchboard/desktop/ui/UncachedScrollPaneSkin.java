package dev.switchboard.desktop.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * The scroll pane's skin without its viewport drawn into a cached image (set for every scroll pane
 * by the stylesheet). JavaFX keeps such images in a pool that holds on to them after their scroll
 * pane is gone; a desktop that opens a pane per contact grew by megabytes per contact.
 */
public class UncachedScrollPaneSkin extends ScrollPaneSkin {
    public UncachedScrollPaneSkin(ScrollPane pane) {
        super(pane);
        for (Node child : getChildren()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }
}
