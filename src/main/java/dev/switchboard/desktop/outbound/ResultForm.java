package dev.switchboard.desktop.outbound;

import dev.switchboard.domain.outbound.AttemptResult;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * How a call ended, as the agent fills it in: the result, for a connected call the disposition
 * (picked by its key), and for a callback its day, time and whether it comes back to this agent.
 * {@link #completeProperty()} says when it may be saved.
 */
final class ResultForm {
    private final Clock clock;
    private final ObservableList<DispositionItem> dispositions = FXCollections.observableArrayList();
    private final ObjectProperty<AttemptResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<DispositionItem> disposition = new SimpleObjectProperty<>(this, "disposition");
    private final ObjectProperty<LocalDate> callbackDate = new SimpleObjectProperty<>(this, "callbackDate");
    private final StringProperty callbackTime = new SimpleStringProperty(this, "callbackTime", "");
    private final BooleanProperty callbackToMe = new SimpleBooleanProperty(this, "callbackToMe", true);
    private final BooleanBinding needsCallback;
    private final BooleanBinding complete;

    ResultForm(Clock clock) {
        this.clock = clock;
        result.addListener((obs, old, now) -> {
            if (now != AttemptResult.CONNECTED) {
                disposition.set(null);
            }
        });
        needsCallback = Bindings.createBooleanBinding(
                () -> disposition.get() != null && disposition.get().view().schedulesCallback(), disposition);
        complete = result.isNotNull()
                .and(result.isNotEqualTo(AttemptResult.CONNECTED).or(disposition.isNotNull()))
                .and(needsCallback.not().or(callbackDate.isNotNull().and(callbackTime.isNotEmpty())));
    }

    /** The campaign's dispositions, by the campaign the call belongs to. */
    void useDispositions(CampaignItem campaign) {
        dispositions.setAll(campaign.dispositions().stream().map(DispositionItem::of).toList());
    }

    /** The disposition with this shortcut, chosen; false when none has it. */
    boolean pickKey(char key) {
        for (DispositionItem d : dispositions) {
            if (d.hasKey(key)) {
                choose(d);
                return true;
            }
        }
        return false;
    }

    /** A disposition (so a connected call); a callback's time starts at the next whole hour after one from now. */
    void choose(DispositionItem d) {
        result.set(AttemptResult.CONNECTED);
        disposition.set(d);
        if (d != null && d.view().schedulesCallback() && callbackDate.get() == null) {
            Instant in = clock.instant().plus(1, ChronoUnit.HOURS);
            callbackDate.set(in.atZone(clock.getZone()).toLocalDate());
            callbackTime.set(String.format("%02d:00", in.atZone(clock.getZone()).getHour()));
        }
    }

    /** The callback's instant in the agent's zone, or null when the day or time cannot be read. */
    Instant callbackInstant() {
        try {
            LocalTime t = LocalTime.parse(callbackTime.get().trim());
            return callbackDate.get().atTime(t).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    /** Empty again, for the next call. */
    void clear() {
        result.set(null);
        disposition.set(null);
        callbackDate.set(null);
        callbackTime.set("");
        callbackToMe.set(true);
    }

    ObservableList<DispositionItem> dispositions() {
        return dispositions;
    }

    ObjectProperty<AttemptResult> result() {
        return result;
    }

    ObjectProperty<DispositionItem> disposition() {
        return disposition;
    }

    ObjectProperty<LocalDate> callbackDate() {
        return callbackDate;
    }

    StringProperty callbackTime() {
        return callbackTime;
    }

    BooleanProperty callbackToMe() {
        return callbackToMe;
    }

    BooleanBinding needsCallback() {
        return needsCallback;
    }

    BooleanBinding completeProperty() {
        return complete;
    }
}
