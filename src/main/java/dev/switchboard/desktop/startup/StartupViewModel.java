package dev.switchboard.desktop.startup;

import dev.switchboard.desktop.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the start-up window shows while the embedded server starts: the step and how far it got;
 * or the question whether to join another desktop's server; or why starting failed.
 */
public final class StartupViewModel {
    /** What the window asks of the person, if anything. */
    public enum Mode { PROGRESS, ASK_TO_JOIN, FAILED }

    private final Messages messages;
    private final StringProperty headline = new SimpleStringProperty();
    private final StringProperty detail = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final BooleanProperty asking = new SimpleBooleanProperty();
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private Consumer<Boolean> answer = a -> { };

    public StartupViewModel(Messages messages) {
        this.messages = messages;
        headline.set(messages.get("startup.starting"));
    }

    /** A step of the server's start; {@code total} 0 when its size is unknown. */
    public void progress(String phase, long done, long total) {
        headline.set(switch (phase) {
            case "customers" -> messages.get("startup.phase.customers");
            case "finishing" -> messages.get("startup.phase.finishing");
            default -> messages.get("startup.starting");
        });
        if (total > 0) {
            progress.set(Math.min(1.0, (double) done / total));
            detail.set(messages.format("startup.detail.count", done, total));
        } else {
            progress.set(-1);
            detail.set("");
        }
    }

    /** Asks whether to use the server of the desktop already running on {@code dataDir}. */
    public void askToJoin(String dataDir, String address, Consumer<Boolean> answer) {
        this.answer = answer;
        headline.set(messages.get("startup.inUse.title"));
        detail.set(address == null
                ? messages.format("startup.inUse.noAddress", dataDir)
                : messages.format("startup.inUse.detail", dataDir, address));
        progress.set(0);
        asking.set(address != null);
        failed.set(address == null);
    }

    public void failed(String reason) {
        headline.set(messages.get("startup.failed.title"));
        detail.set(reason == null || reason.isBlank() ? messages.get("startup.failed.unknown") : reason);
        progress.set(0);
        asking.set(false);
        failed.set(true);
    }

    public void join() {
        asking.set(false);
        answer.accept(true);
    }

    public void decline() {
        asking.set(false);
        answer.accept(false);
    }

    public Mode mode() {
        return asking.get() ? Mode.ASK_TO_JOIN : failed.get() ? Mode.FAILED : Mode.PROGRESS;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty askingProperty() {
        return asking;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s", mode(), headline.get());
    }
}
