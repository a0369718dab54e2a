package dev.switchboard.client;

/**
 * The write is stored on this desktop and will be sent when the server answers, but there is nothing
 * to show for it yet (the desktop holds no copy of the record it changes). Not a failure: do not
 * write it again.
 */
public final class WriteQueuedException extends RuntimeException {
    public WriteQueuedException() {
        super("saved on this desktop: it is sent when the server answers");
    }
}
