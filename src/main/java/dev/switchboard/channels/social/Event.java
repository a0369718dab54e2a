package dev.switchboard.channels.social;

/** One thing a webhook reported, in the order the platform listed it: a message or a status. */
record Event(SocialMessage message, SocialStatus status) {

    static Event of(SocialMessage m) {
        return new Event(m, null);
    }

    static Event of(SocialStatus s) {
        return new Event(null, s);
    }

    void deliver(SocialListener listener) {
        if (message != null) {
            listener.message(message);
        } else {
            listener.status(status);
        }
    }
}
