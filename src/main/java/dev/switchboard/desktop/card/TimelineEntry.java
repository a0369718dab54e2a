package dev.switchboard.desktop.card;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;

/** One past contact on the card's timeline; it expands to show its whole body or transcript. */
public final class TimelineEntry {
    private final long id;
    private final Channel channel;
    private final Direction direction;
    private final Instant at;
    private final String when;
    private final String directionText;
    private final String subject;
    final StringProperty body = new SimpleStringProperty(this, "body", "");
    final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded");
    final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    boolean complete;

    TimelineEntry(long id, Channel channel, Direction direction, Instant at, String when, String directionText,
                  String subject, String body, boolean complete) {
        this.id = id;
        this.channel = channel;
        this.direction = direction;
        this.at = at;
        this.when = when;
        this.directionText = directionText;
        this.subject = subject;
        this.body.set(body == null ? "" : body);
        this.complete = complete;
    }

    public long id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public Direction direction() {
        return direction;
    }

    public Instant at() {
        return at;
    }

    public String when() {
        return when;
    }

    public String directionText() {
        return directionText;
    }

    public String subject() {
        return subject;
    }

    public ReadOnlyStringProperty bodyProperty() {
        return body;
    }

    public ReadOnlyBooleanProperty expandedProperty() {
        return expanded;
    }

    /** The full body is being fetched. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }
}
