package dev.switchboard.desktop.ui;

import javafx.scene.input.KeyCombination;

/** Every keyboard shortcut of the main window, defined once for menus, buttons and tooltips. */
public final class Shortcuts {
    public static final KeyCombination ACCEPT = KeyCombination.valueOf("Shortcut+Enter");
    public static final KeyCombination REJECT = KeyCombination.valueOf("Shortcut+Backspace");
    public static final KeyCombination END = KeyCombination.valueOf("Shortcut+E");
    public static final KeyCombination SEARCH = KeyCombination.valueOf("Shortcut+F");
    public static final KeyCombination NEW_CUSTOMER = KeyCombination.valueOf("Shortcut+N");
    public static final KeyCombination LIGHT_THEME = KeyCombination.valueOf("Shortcut+Shift+L");
    public static final KeyCombination DARK_THEME = KeyCombination.valueOf("Shortcut+Shift+D");
    public static final KeyCombination READY = KeyCombination.valueOf("Shortcut+Shift+R");
    public static final KeyCombination NOT_READY = KeyCombination.valueOf("Shortcut+Shift+N");
    public static final KeyCombination SIGN_OUT = KeyCombination.valueOf("Shortcut+Shift+O");
    public static final KeyCombination QUIT = KeyCombination.valueOf("Shortcut+Q");
    public static final KeyCombination CONTACTS = KeyCombination.valueOf("Shortcut+1");
    public static final KeyCombination CARD = KeyCombination.valueOf("Shortcut+2");

    private Shortcuts() {
    }
}
