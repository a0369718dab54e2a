package dev.switchboard.desktop.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
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
    public static final KeyCombination QUEUE = KeyCombination.valueOf("Shortcut+3");
    public static final KeyCombination TRANSFER = KeyCombination.valueOf("Shortcut+T");
    public static final KeyCombination CALLBACK = KeyCombination.valueOf("Shortcut+K");
    /** Finishes what a panel asks (wrap-up, transfer, callback); the same keys as Accept. */
    public static final KeyCombination SUBMIT = KeyCombination.valueOf("Shortcut+Enter");
    public static final KeyCombination NEXT_TAB = KeyCombination.valueOf("Shortcut+Page Down");
    public static final KeyCombination PREVIOUS_TAB = KeyCombination.valueOf("Shortcut+Page Up");
    /** Also move between tabs, as in browsers; the menus show the Page Down / Page Up pair. */
    public static final KeyCombination NEXT_TAB_TOO = KeyCombination.valueOf("Ctrl+Tab");
    public static final KeyCombination PREVIOUS_TAB_TOO = KeyCombination.valueOf("Ctrl+Shift+Tab");
    /*
     * Calls. Shift is part of each because the bare keys are taken by the system or by text fields
     * (Cmd+H hides and Cmd+M minimises on macOS, Ctrl+H deletes a character in a text field on Linux).
     * Hang up is End (Shortcut+E) and transfer is Shortcut+T, as for every contact.
     */
    public static final KeyCombination HOLD = KeyCombination.valueOf("Shortcut+Shift+H");
    public static final KeyCombination MUTE = KeyCombination.valueOf("Shortcut+Shift+M");
    public static final KeyCombination KEYPAD = KeyCombination.valueOf("Shortcut+Shift+P");
    /** Consult a colleague or a number (C), then hand the caller over (T, as Transfer) or go back (X). */
    public static final KeyCombination CONSULT = KeyCombination.valueOf("Shortcut+Shift+C");
    public static final KeyCombination COMPLETE_CONSULT = KeyCombination.valueOf("Shortcut+Shift+T");
    public static final KeyCombination CANCEL_CONSULT = KeyCombination.valueOf("Shortcut+Shift+X");
    public static final KeyCombination CONFERENCE = KeyCombination.valueOf("Shortcut+Shift+J");
    /**
     * Text contacts. Send is Ctrl+Enter, as every panel's submit; it wins when the cursor is in the
     * answer being written. Canned responses share their keys with Consult: a call has no canned
     * responses and a chat no consultation, so the window decides by what is on screen.
     */
    public static final KeyCombination SEND = KeyCombination.valueOf("Shortcut+Enter");
    public static final KeyCombination CANNED = KeyCombination.valueOf("Shortcut+Shift+C");
    /** Opens the editor on the ticket selected in the card (else its first open ticket). */
    public static final KeyCombination EDIT_TICKET = KeyCombination.valueOf("Shortcut+Shift+E");
    /** A new ticket for the customer on the card, linked to the contact in hand (I as in issue). */
    public static final KeyCombination NEW_TICKET = KeyCombination.valueOf("Shortcut+Shift+I");
    /** The knowledge panel beside the card (articles, responses, the call script): shown with the cursor in its search, or hidden. */
    public static final KeyCombination KNOWLEDGE = KeyCombination.valueOf("F1");
    /** Puts the cursor in the number field of the dial box. */
    public static final KeyCombination DIAL = KeyCombination.valueOf("Shortcut+D");

    private Shortcuts() {
    }

    /** Alt+1 … Alt+9: straight to that tab. */
    public static KeyCombination tab(int number) {
        return new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(number)), KeyCombination.ALT_DOWN);
    }
}
