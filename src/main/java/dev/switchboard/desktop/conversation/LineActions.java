package dev.switchboard.desktop.conversation;

import dev.switchboard.api.AttachmentView;

/** What the agent can do with a line of the conversation; the pane carries them out. */
interface LineActions {
    /** Save a file that came with a line (asks where). */
    void save(AttachmentView file);

    /** Show an e-mail formatted, or as plain text. */
    void toggleFormatted(MessageItem item);

    /** Put a refused line's text back into the draft. */
    void useAgain(MessageItem item);

    /** A link in an e-mail was clicked. */
    void linkClicked(String url);
}
