package dev.switchboard.desktop;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** One short message for the agent ("offer withdrawn: timed out"), cleared after a few seconds. */
public final class NoticeBoard {
    static final Duration SHOWN_FOR = Duration.ofSeconds(8);

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Clock clock;
    private Instant until = Instant.MIN;

    public NoticeBoard(Clock clock) {
        this.clock = clock;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void post(String text) {
        message.set(text == null ? "" : text);
        until = clock.instant().plus(SHOWN_FOR);
    }

    public void dismiss() {
        message.set("");
    }

    /** Called every second; clears the message once its time is up. */
    public void tick(Instant now) {
        if (!message.get().isEmpty() && now.isAfter(until)) {
            message.set("");
        }
    }
}
