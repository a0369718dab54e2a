package dev.switchboard.desktop.supervisor;

import javafx.scene.input.KeyCombination;

/**
 * The dashboard's keyboard shortcuts, defined once for buttons, menus and tooltips. A supervisor takes
 * no contacts, so the agent's own Ready / Not ready keys act on the agent selected in the grid.
 */
public final class SupervisorKeys {
    public static final KeyCombination MAKE_READY = KeyCombination.valueOf("Shortcut+Shift+R");
    public static final KeyCombination MAKE_NOT_READY = KeyCombination.valueOf("Shortcut+Shift+N");
    /** Of the queue whose tile holds the cursor, else the one the chart shows, else the first. */
    public static final KeyCombination CHANGE_PRIORITY = KeyCombination.valueOf("Shortcut+Shift+P");
    public static final KeyCombination WAITING = KeyCombination.valueOf("Shortcut+Shift+W");
    public static final KeyCombination EXPORT = KeyCombination.valueOf("Shortcut+Shift+S");
    /** The case report: first response against target, and complaints. */
    public static final KeyCombination CASE_REPORT = KeyCombination.valueOf("Shortcut+Shift+K");
    /** Find a customer and merge their duplicates into them (F as in find). */
    public static final KeyCombination DUPLICATES = KeyCombination.valueOf("Shortcut+Shift+F");
    /** The knowledge editor: articles and call scripts (A as in articles). */
    public static final KeyCombination KNOWLEDGE = KeyCombination.valueOf("Shortcut+Shift+A");
    public static final KeyCombination REFRESH = KeyCombination.valueOf("F5");
    public static final KeyCombination SHOW_QUEUES = KeyCombination.valueOf("Alt+1");
    public static final KeyCombination SHOW_CHART = KeyCombination.valueOf("Alt+2");
    public static final KeyCombination SHOW_CAMPAIGNS = KeyCombination.valueOf("Alt+3");
    /** After the three tabs above it, the agent grid. */
    public static final KeyCombination SHOW_AGENTS = KeyCombination.valueOf("Alt+4");
    /** In the Campaigns tab: pause (after asking) or resume the selected campaign. */
    public static final KeyCombination PAUSE_RESUME = KeyCombination.valueOf("Shortcut+Shift+U");
    /** In the waiting contacts: move the selected one. */
    public static final KeyCombination MOVE_TO_QUEUE = KeyCombination.valueOf("Shortcut+M");
    public static final KeyCombination MOVE_TO_AGENT = KeyCombination.valueOf("Shortcut+Shift+M");

    private SupervisorKeys() {
    }
}
