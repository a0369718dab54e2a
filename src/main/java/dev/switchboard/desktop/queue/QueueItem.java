package dev.switchboard.desktop.queue;

import dev.switchboard.api.QueueEntryView;
import dev.switchboard.desktop.Urgency;
import dev.switchboard.domain.Channel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * One contact waiting in the merged queue: the server's line for it, and its running wait (text and
 * urgency against the queue's service-level threshold), kept by {@link QueueViewModel}.
 */
public final class QueueItem {
    private final ObjectProperty<QueueEntryView> entry = new SimpleObjectProperty<>(this, "entry");
    final StringProperty who = new SimpleStringProperty(this, "who", "");
    final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    final StringProperty queueName = new SimpleStringProperty(this, "queueName", "");
    final StringProperty priorityText = new SimpleStringProperty(this, "priorityText", "");
    final StringProperty waited = new SimpleStringProperty(this, "waited", "");
    final StringProperty badge = new SimpleStringProperty(this, "badge", "");
    final ObjectProperty<Urgency> urgency = new SimpleObjectProperty<>(this, "urgency", Urgency.NORMAL);
    /** Waited time over the threshold, for ordering; refreshed on every tick. */
    double pressure;

    QueueItem(QueueEntryView entry) {
        this.entry.set(entry);
    }

    public long interactionId() {
        return entry.get().interactionId();
    }

    public QueueEntryView entry() {
        return entry.get();
    }

    public ReadOnlyObjectProperty<QueueEntryView> entryProperty() {
        return entry;
    }

    public Channel channel() {
        return entry.get().channel();
    }

    public int priority() {
        return entry.get().priority();
    }

    public Instant queuedAt() {
        return entry.get().queuedAt();
    }

    void update(QueueEntryView next) {
        entry.set(next);
    }

    /** The customer's name, or the address when nobody is known. */
    public ReadOnlyStringProperty whoProperty() {
        return who;
    }

    /** The subject or the first line of the message. */
    public ReadOnlyStringProperty subjectProperty() {
        return subject;
    }

    public ReadOnlyStringProperty queueNameProperty() {
        return queueName;
    }

    /** The priority, short ("P5"). */
    public ReadOnlyStringProperty priorityTextProperty() {
        return priorityText;
    }

    /** Time waited so far, as a clock. */
    public ReadOnlyStringProperty waitedProperty() {
        return waited;
    }

    /** "Offered to you", "Callback", "For you" or "". */
    public ReadOnlyStringProperty badgeProperty() {
        return badge;
    }

    public ReadOnlyObjectProperty<Urgency> urgencyProperty() {
        return urgency;
    }

    Duration waitedAt(Instant now) {
        Instant since = queuedAt() == null ? now : queuedAt();
        return Duration.between(since, now);
    }
}
