package dev.switchboard.desktop.call;

import dev.switchboard.api.CallView;
import dev.switchboard.api.ConsultView;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.CallState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * The call bar of the selected phone contact: where its call stands (from the {@code call} events,
 * or asked of the server when a tab opens without one), how long it has lasted, the keys pressed, and
 * the agent's hold, mute and keypad, and a consultation ({@link ConsultViewModel}). Hang-up and
 * transfer are the contact's own End and Transfer.
 */
public final class CallViewModel {
    private static final Pattern DTMF = Pattern.compile("[0-9*#A-D]+");

    private final ContactsViewModel contacts;
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final NoticeBoard notices;
    private final Clock clock;
    private final CallTexts texts;
    private final ConsultViewModel consult;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Map<Long, CallLine> lines = new HashMap<>();
    private final ChangeListener<InteractionState> stateListener = (obs, old, now) -> show();
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyObjectWrapper<CallState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyStringWrapper timer = new ReadOnlyStringWrapper(this, "timer", "");
    private final ReadOnlyStringWrapper digits = new ReadOnlyStringWrapper(this, "digits", "");
    private final ReadOnlyBooleanWrapper onHold = new ReadOnlyBooleanWrapper(this, "onHold");
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(this, "muted");
    private final ReadOnlyStringWrapper holdLabel = new ReadOnlyStringWrapper(this, "holdLabel", "");
    private final ReadOnlyStringWrapper muteLabel = new ReadOnlyStringWrapper(this, "muteLabel", "");
    private final ReadOnlyBooleanWrapper canControl = new ReadOnlyBooleanWrapper(this, "canControl");
    private final ReadOnlyBooleanWrapper canHold = new ReadOnlyBooleanWrapper(this, "canHold");
    private final ReadOnlyBooleanWrapper canKeypad = new ReadOnlyBooleanWrapper(this, "canKeypad");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanProperty keypadOpen = new SimpleBooleanProperty(this, "keypadOpen");
    private final StringProperty keypadText = new SimpleStringProperty(this, "keypadText", "");
    private ContactItem followed;

    public CallViewModel(ContactsViewModel contacts, AgentSession session, SwitchboardApi api, TaskRunner tasks,
                         Messages messages, EnumText enums, ErrorText errors, NoticeBoard notices, Clock clock) {
        this.contacts = contacts;
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.notices = notices;
        this.clock = clock;
        this.texts = new CallTexts(messages);
        this.consult = new ConsultViewModel(session, api, messages, enums, errors, notices, this::request);
        subscriptions.add(session.events().on(CallView.class, this::onCall));
        subscriptions.add(session.events().on(ResyncEvent.class, e -> contacts.tabs().forEach(this::fetch)));
        subscriptions.listen(contacts.selectedProperty(), (obs, old, now) -> follow(now));
        subscriptions.listen(contacts.tabs(), (ListChangeListener<ContactItem>) c -> {
            while (c.next()) {
                c.getAddedSubList().stream().filter(i -> !lines.containsKey(i.interactionId())).forEach(this::fetch);
            }
        });
        subscriptions.listen(contacts.items(), (ListChangeListener<ContactItem>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(i -> lines.remove(i.interactionId()));
            }
        });
        subscriptions.onClose(() -> follow(null));
        follow(contacts.selectedProperty().get());
    }

    /** A {@code call} event: the server's word on a call of this agent. */
    public void onCall(CallView view) {
        CallLine line = lines.get(view.interactionId());
        boolean over = view.state() == CallState.ENDED || view.state() == CallState.FAILED;
        if (line == null && over && !known(view.interactionId())) {
            // nothing on screen is about it; only say why if it failed
            postProblem(view);
            return;
        }
        if (line == null) {
            line = new CallLine(view.interactionId());
            lines.put(view.interactionId(), line);
        }
        line.events++;
        boolean wasFailed = line.state() == CallState.FAILED;
        line.take(view, clock.instant(), clock.instant());
        if (!wasFailed && view.state() == CallState.FAILED) {
            // the contact usually leaves this agent right after (back to the queue): say why where it stays
            postProblem(view);
        }
        showIf(line);
    }

    /** Puts the caller on hold, or takes them off it; not while a consultation holds them. */
    public void toggleHold() {
        CallLine line = controllable();
        if (line != null && line.view.consult() == null) {
            boolean on = !line.view.onHold();
            send(line, () -> api.hold(line.interactionId, on), null, null);
        }
    }

    /** Mutes the agent's microphone, or unmutes it. */
    public void toggleMute() {
        CallLine line = controllable();
        if (line != null) {
            boolean on = !line.view.muted();
            send(line, () -> api.mute(line.interactionId, on), null, null);
        }
    }

    public void toggleKeypad() {
        keypadOpen.set(!keypadOpen.get() && canKeypad.get());
    }

    /** One key of the pad: sent at once. */
    public void press(char key) {
        sendDigits(Character.toString(key));
    }

    /** Sends what was typed in the keypad's field, then empties it. */
    public void sendKeypad() {
        if (sendDigits(keypadText.get())) {
            keypadText.set("");
        }
    }

    /** Called every second: the talking clock. */
    public void tick(Instant now) {
        timer.set(texts.timer(current(), now));
    }

    public void dispose() {
        consult.dispose();
        subscriptions.close();
        lines.clear();
    }

    private boolean sendDigits(String typed) {
        CallLine line = current();
        if (line == null || !line.connected() || !active()) {
            return false;
        }
        String tones = typed == null ? "" : typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!DTMF.matcher(tones).matches()) {
            line.error = messages.get("call.error.digits");
            show();
            return false;
        }
        if (line.busy) {
            // keys pressed quickly go together once the request before them is answered
            line.queuedDigits += tones;
            return true;
        }
        sendNow(line, tones);
        return true;
    }

    private void sendNow(CallLine line, String tones) {
        send(line, () -> api.sendDigits(line.interactionId, tones), null, null);
    }

    private boolean request(LongFunction<CallView> request, Consumer<CallView> answered, Consumer<Exception> refused) {
        CallLine line = controllable();
        if (line != null) {
            send(line, () -> request.apply(line.interactionId), answered, refused);
        }
        return line != null;
    }

    /** {@code answered}: told of the answer, if not null; {@code refused}: told of a failure (null: the bar). */
    private void send(CallLine line, Callable<CallView> request, Consumer<CallView> answered,
                      Consumer<Exception> refused) {
        line.busy = true;
        line.error = "";
        int seen = line.events;
        showIf(line);
        tasks.run(request, view -> {
            line.busy = false;
            if (line.events == seen) {
                line.take(view, clock.instant(), clock.instant());
            }
            if (answered != null) {
                answered.accept(view);
            }
            if (!line.queuedDigits.isEmpty() && line.connected()) {
                String next = line.queuedDigits;
                line.queuedDigits = "";
                sendNow(line, next);
                return;
            }
            line.queuedDigits = "";
            showIf(line);
        }, e -> {
            line.busy = false;
            line.queuedDigits = "";
            if (refused == null) {
                line.error = errors.of(e);
            } else {
                refused.accept(e);
            }
            showIf(line);
        });
    }

    /** Asks the server where a phone tab's call stands, unless events have already said. */
    private void fetch(ContactItem item) {
        if (item.channel() != Channel.PHONE || item.state() != InteractionState.ACTIVE) {
            return;
        }
        CallLine line = lines.computeIfAbsent(item.interactionId(), CallLine::new);
        int seen = line.events;
        line.fetching = true;
        tasks.run(() -> api.call(item.interactionId()), view -> {
            line.fetching = false;
            if (line.events == seen && view != null) {
                Instant answered = item.interaction().answeredAt();
                line.take(view, clock.instant(), answered != null ? answered : clock.instant());
            }
            showIf(line);
        }, e -> {
            line.fetching = false;
            if (line.view == null) {
                line.error = errors.of(e);
            }
            showIf(line);
        });
    }

    private void follow(ContactItem item) {
        if (followed != null) {
            followed.stateProperty().removeListener(stateListener);
        }
        followed = item;
        if (item != null) {
            item.stateProperty().addListener(stateListener);
        }
        show();
    }

    private void showIf(CallLine line) {
        if (followed != null && followed.interactionId() == line.interactionId) {
            show();
        }
    }

    /** Mirrors the followed contact's call into what the bar binds. */
    private void show() {
        ContactItem item = followed;
        boolean phone = item != null && item.channel() == Channel.PHONE
                && (item.state() == InteractionState.ACTIVE || item.state() == InteractionState.WRAP_UP);
        CallLine line = phone ? lines.get(item.interactionId()) : null;
        CallView view = line == null ? null : line.view;
        boolean over = phone && item.state() == InteractionState.WRAP_UP;
        shown.set(phone);
        state.set(view == null ? (over ? CallState.ENDED : null) : view.state());
        status.set(phone ? texts.status(line, over) : "");
        failed.set(view != null && view.state() == CallState.FAILED);
        digits.set(texts.digits(line));
        // held and muted mean something only while connected: an ended call offers Hold and Mute, disabled
        boolean connected = line != null && line.connected();
        onHold.set(connected && view.onHold());
        muted.set(connected && view.muted());
        holdLabel.set(texts.holdLabel(onHold.get()));
        muteLabel.set(texts.muteLabel(muted.get()));
        boolean live = connected && active();
        canKeypad.set(live);
        canControl.set(live && !line.busy);
        canHold.set(canControl.get() && view.consult() == null);
        consult.show(live ? view.consult() : null, live, line != null && line.busy);
        busy.set(line != null && line.busy);
        error.set(line == null ? "" : line.error);
        if (!live) {
            keypadOpen.set(false);
        }
        tick(clock.instant());
    }

    private CallLine controllable() {
        CallLine line = current();
        return line != null && line.connected() && !line.busy && active() ? line : null;
    }

    private CallLine current() {
        return followed == null || followed.channel() != Channel.PHONE ? null : lines.get(followed.interactionId());
    }

    private boolean active() {
        return followed != null && followed.state() == InteractionState.ACTIVE;
    }

    private boolean known(long interactionId) {
        return contacts.items().stream().anyMatch(i -> i.interactionId() == interactionId);
    }

    private void postProblem(CallView view) {
        if (view.state() == CallState.FAILED && view.problem() != null && !view.problem().isBlank()) {
            notices.post(view.problem().strip());
        }
    }

    // ---- what the bar binds ----

    /** The selected contact is a call being worked (active, or in wrap-up after it). */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Where the call stands; null while nobody has said. */
    public ReadOnlyObjectProperty<CallState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Ringing your phone…", "Connected", "On hold", "Muted", "Call ended" or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The call failed: the status is the server's reason and reads as an error. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** How long the caller and agent have been connected ("2:14"); "" before that. */
    public ReadOnlyStringProperty timerProperty() {
        return timer.getReadOnlyProperty();
    }

    /** "Keys 12#": the tones sent and received; "" when none. */
    public ReadOnlyStringProperty digitsProperty() {
        return digits.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onHoldProperty() {
        return onHold.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted.getReadOnlyProperty();
    }

    /** "Hold" or "Resume". */
    public ReadOnlyStringProperty holdLabelProperty() {
        return holdLabel.getReadOnlyProperty();
    }

    /** "Mute" or "Unmute". */
    public ReadOnlyStringProperty muteLabelProperty() {
        return muteLabel.getReadOnlyProperty();
    }

    /** Hold and mute make sense: the call is connected and no request is on its way. */
    public ReadOnlyBooleanProperty canControlProperty() {
        return canControl.getReadOnlyProperty();
    }

    /** Hold makes sense: as {@link #canControlProperty()}, and no consultation holds the caller. */
    public ReadOnlyBooleanProperty canHoldProperty() {
        return canHold.getReadOnlyProperty();
    }

    public ConsultViewModel consult() {
        return consult;
    }

    /** Tones can be sent: the call is connected. */
    public ReadOnlyBooleanProperty canKeypadProperty() {
        return canKeypad.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the agent's last request about this call failed; "" if it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty keypadOpenProperty() {
        return keypadOpen;
    }

    /** The keypad's field: several tones typed at once. */
    public StringProperty keypadTextProperty() {
        return keypadText;
    }
}
