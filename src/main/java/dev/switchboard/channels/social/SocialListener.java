package dev.switchboard.channels.social;

/**
 * Receives what customers send on social platforms, and what became of the replies. Called on the
 * webhook's request thread, before the platform gets its answer: once a method returns, the event is
 * the receiver's. Throwing {@link IllegalArgumentException} answers the platform 400 with its
 * message; any other exception answers 500, which makes the platform post the batch again.
 *
 * <p>The same event can arrive more than once (the platform retries, and a batch is handed on again
 * when a later event of it failed), so a receiver deduplicates by message id.
 */
public interface SocialListener {

    /** A customer wrote (text, attachments or both). */
    void message(SocialMessage m);

    /** A reply was sent, delivered, read or failed. */
    void status(SocialStatus s);
}
