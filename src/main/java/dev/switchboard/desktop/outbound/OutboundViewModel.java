package dev.switchboard.desktop.outbound;

import dev.switchboard.api.CampaignView;
import dev.switchboard.api.OutboundDialView;
import dev.switchboard.api.OutboundNextView;
import dev.switchboard.api.OutboundResultRequest;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.outbound.AttemptResult;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * The outbound agent's work on a preview campaign: pick a campaign, preview the record the server
 * holds for the agent (with the customer's card), dial or skip it, end the call, report its result
 * (a disposition for a connected call, a time for a callback), and the next record comes on its own.
 * Every server call goes through the task runner; one at a time ({@link #busyProperty()}).
 */
public final class OutboundViewModel {
    /** The results an agent reports; ABANDONED is the dialler's to count. */
    public static final List<AttemptResult> RESULTS = List.of(AttemptResult.BUSY, AttemptResult.NO_ANSWER,
            AttemptResult.ANSWERING_MACHINE, AttemptResult.FAILED, AttemptResult.CONNECTED);

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Messages messages;
    private final ErrorText errors;
    private final RecordTexts texts;
    private final ObservableList<CampaignItem> campaigns = FXCollections.observableArrayList();
    private final ObjectProperty<CampaignItem> campaign = new SimpleObjectProperty<>(this, "campaign");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyObjectWrapper<CallListStep> stage = new ReadOnlyObjectWrapper<>(this, "stage", CallListStep.NO_CAMPAIGN);
    private final ReadOnlyObjectWrapper<RecordCard> record = new ReadOnlyObjectWrapper<>(this, "record");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private final ReadOnlyBooleanWrapper callEnded = new ReadOnlyBooleanWrapper(this, "callEnded");
    private final ObservableList<DispositionItem> dispositions = FXCollections.observableArrayList();
    private final ObjectProperty<AttemptResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<DispositionItem> disposition = new SimpleObjectProperty<>(this, "disposition");
    private final ObjectProperty<LocalDate> callbackDate = new SimpleObjectProperty<>(this, "callbackDate");
    private final StringProperty callbackTime = new SimpleStringProperty(this, "callbackTime", "");
    private final BooleanProperty callbackToMe = new SimpleBooleanProperty(this, "callbackToMe", true);
    private final BooleanBinding needsCallback;
    private final BooleanBinding canDial;
    private final BooleanBinding canNext;
    private final BooleanBinding canSave;
    private final ChangeListener<CampaignItem> onCampaign = (obs, old, now) -> {
        if (now != null && (old == null || old.id() != now.id())) {
            dispositions.setAll(now.dispositions().stream().map(DispositionItem::of).toList());
            next();
        }
    };
    private Long interactionId;
    /** The next record's arrival keeps the line about the result just saved. */
    private boolean keepMessage;
    private boolean disposed;

    public OutboundViewModel(SwitchboardApi api, TaskRunner tasks, Clock clock, Messages messages, EnumText enums,
                             Formats formats, ErrorText errors) {
        this.api = api;
        this.tasks = tasks;
        this.clock = clock;
        this.messages = messages;
        this.errors = errors;
        this.texts = new RecordTexts(messages, enums, formats, clock.getZone());
        campaign.addListener(onCampaign);
        result.addListener((obs, old, now) -> {
            if (now != AttemptResult.CONNECTED) {
                disposition.set(null);
            }
        });
        needsCallback = Bindings.createBooleanBinding(
                () -> disposition.get() != null && disposition.get().view().schedulesCallback(), disposition);
        canDial = stage.isEqualTo(CallListStep.PREVIEW).and(busy.not());
        // with no campaign, Next asks for the campaigns again
        canNext = stage.isNotEqualTo(CallListStep.ON_CALL).and(busy.not());
        canSave = stage.isEqualTo(CallListStep.ON_CALL).and(busy.not()).and(result.isNotNull())
                .and(result.isNotEqualTo(AttemptResult.CONNECTED).or(disposition.isNotNull()))
                .and(needsCallback.not().or(callbackDate.isNotNull().and(callbackTime.isNotEmpty())));
    }

    /** Loads the active campaigns; with one of them chosen, its first record. */
    public void start() {
        call(api::outboundCampaigns, list -> {
            CampaignItem chosen = campaign.get();
            List<CampaignItem> items = list.stream().filter(CampaignView::active).map(OutboundViewModel::item).toList();
            campaigns.setAll(items);
            if (items.isEmpty()) {
                stage.set(CallListStep.NO_CAMPAIGN);
                say(messages.get("outbound.noCampaigns"));
                return;
            }
            showProgress(list);
            if (chosen == null) {
                campaign.set(items.get(0));
            }
        });
    }

    /** Asks for the next record of the chosen campaign. */
    public void next() {
        CampaignItem c = campaign.get();
        if (c == null && !busy.get()) {
            start(); // the campaigns could not be read before (or none was active): ask again
            return;
        }
        if (c == null || busy.get() || stage.get() == CallListStep.ON_CALL) {
            return;
        }
        call(() -> api.outboundNext(c.id()), this::show);
    }

    /** Dials the record shown. */
    public void dial() {
        RecordCard r = record.get();
        if (!canDial.get() || r == null) {
            return;
        }
        say(messages.format("outbound.dialling", r.number()));
        busy.set(true);
        tasks.run(() -> api.outboundDial(r.id()), this::dialled, failure -> {
            busy.set(false);
            if (failure instanceof ApiException api && api.status() == 409 && api.error() != null
                    && RecordTexts.isRefusal(api.error().error())) {
                stage.set(CallListStep.REFUSED);
                fail(messages.format("outbound.refused", texts.refusal(api.error().error(), api.error().message())));
                refreshProgress();
            } else {
                fail(errors.of(failure));
            }
        });
    }

    /** Passes on the record shown; the next one comes. */
    public void skip() {
        RecordCard r = record.get();
        if (!canDial.get() || r == null) {
            return;
        }
        call(() -> api.outboundSkip(r.id(), null), skipped -> {
            stage.set(CallListStep.NOTHING);
            next();
        });
    }

    /** Hangs up the call of the dialled record (it goes into after-contact work). */
    public void endCall() {
        Long id = interactionId;
        if (id == null || callEnded.get() || busy.get()) {
            return;
        }
        call(() -> api.end(id), ended -> {
            callEnded.set(true);
            say(messages.get("outbound.callEnded"));
        });
    }

    /** A key typed while the result is asked for: the disposition with that shortcut, if any. */
    public boolean pickKey(char key) {
        if (stage.get() != CallListStep.ON_CALL || busy.get()) {
            return false;
        }
        for (DispositionItem d : dispositions) {
            if (d.hasKey(key)) {
                chooseDisposition(d);
                return true;
            }
        }
        return false;
    }

    public void chooseResult(AttemptResult r) {
        result.set(r);
    }

    public void chooseDisposition(DispositionItem d) {
        result.set(AttemptResult.CONNECTED);
        disposition.set(d);
        if (d != null && d.view().schedulesCallback() && callbackDate.get() == null) {
            Instant in = clock.instant().plus(1, ChronoUnit.HOURS);
            callbackDate.set(in.atZone(clock.getZone()).toLocalDate());
            callbackTime.set(String.format("%02d:00", in.atZone(clock.getZone()).getHour()));
        }
    }

    /** Posts the result (ending the call first if it still runs), then fetches the next record. */
    public void save() {
        RecordCard r = record.get();
        if (!canSave.get() || r == null) {
            return;
        }
        Instant at = null;
        if (needsCallback.get()) {
            at = callbackInstant();
            if (at == null) {
                fail(messages.get("outbound.callback.badTime"));
                return;
            }
        }
        DispositionItem d = disposition.get();
        OutboundResultRequest request = new OutboundResultRequest(result.get(), d == null ? null : d.code(), at,
                d != null && d.view().schedulesCallback() ? callbackToMe.get() : null);
        Long call = interactionId;
        boolean hangUp = !callEnded.get();
        String done = d == null ? texts.result(result.get()) : d.label();
        call(() -> {
            // the result first: refused, it leaves the call and its work as they were
            var saved = api.outboundResult(r.id(), request);
            if (call != null) {
                finishCall(call, hangUp, done);
            }
            return saved;
        }, saved -> {
            clearCall();
            stage.set(CallListStep.NOTHING);
            say(messages.format("outbound.saved", r.name(), done));
            refreshProgress();
            keepMessage = true;
            next();
        });
    }

    /** The call is over for the agent: hang up if it still runs, and close its after-contact work. */
    private void finishCall(long call, boolean hangUp, String outcome) {
        if (hangUp) {
            try {
                api.end(call);
            } catch (ApiException ignored) {
                // the other side hung up first: the call is over all the same
            }
        }
        try {
            api.wrapUp(call, new WrapUpRequest(null, outcome, null));
        } catch (ApiException ignored) {
            // the server closed the work already (its wrap-up time ran out)
        }
    }

    private Instant callbackInstant() {
        try {
            LocalTime t = LocalTime.parse(callbackTime.get().trim());
            return callbackDate.get().atTime(t).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private void show(OutboundNextView v) {
        CampaignItem c = campaign.get();
        if (v.record() == null) {
            record.set(null);
            stage.set(CallListStep.NOTHING);
            say(texts.nothing(v.none(), v.nextDueAt(), clock.instant()));
            return;
        }
        record.set(texts.card(v.record(), v.customer(), v.openTickets(), c == null ? 0 : c.maxAttempts(),
                clock.instant()));
        stage.set(CallListStep.PREVIEW);
        if (keepMessage) {
            keepMessage = false;
        } else {
            say("");
        }
    }

    private void dialled(OutboundDialView v) {
        busy.set(false);
        interactionId = v.call() != null && v.call().interaction() != null ? v.call().interaction().id() : null;
        callEnded.set(false);
        result.set(null);
        disposition.set(null);
        callbackDate.set(null);
        callbackTime.set("");
        callbackToMe.set(true);
        stage.set(CallListStep.ON_CALL);
        RecordCard r = record.get();
        say(messages.format("outbound.onCall", r == null ? v.record().number() : r.name()));
    }

    private void clearCall() {
        interactionId = null;
        callEnded.set(false);
        result.set(null);
        disposition.set(null);
        callbackDate.set(null);
        callbackTime.set("");
    }

    private void refreshProgress() {
        tasks.run(api::outboundCampaigns, this::showProgress, failure -> { });
    }

    private void showProgress(List<CampaignView> list) {
        CampaignItem c = campaign.get();
        long id = c != null ? c.id() : list.isEmpty() ? -1 : list.get(0).id();
        list.stream().filter(v -> v.id() == id && v.progress() != null).findFirst().ifPresent(v ->
                progress.set(messages.format("outbound.progress", v.progress().attempted(), v.progress().connected(),
                        v.progress().remaining())));
    }

    private static CampaignItem item(CampaignView v) {
        return new CampaignItem(v.id(), v.name(), v.maxAttempts(),
                v.dispositions() == null ? List.of() : v.dispositions());
    }

    private <T> void call(java.util.concurrent.Callable<T> work, Consumer<T> then) {
        busy.set(true);
        tasks.run(work, value -> {
            busy.set(false);
            if (!disposed) {
                then.accept(value);
            }
        }, failure -> {
            busy.set(false);
            fail(errors.of(failure));
        });
    }

    private void say(String text) {
        message.set(text);
        error.set(false);
    }

    private void fail(String text) {
        message.set(text);
        error.set(true);
    }

    public void dispose() {
        disposed = true;
        campaign.removeListener(onCampaign);
    }

    public ObservableList<CampaignItem> campaigns() {
        return campaigns;
    }

    /** The campaign worked; choosing another fetches its next record. */
    public ObjectProperty<CampaignItem> campaignProperty() {
        return campaign;
    }

    /** "12 attempted · 3 connected · 40 remaining" of the chosen campaign. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CallListStep> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The record previewed or dialled; null when there is none. */
    public ReadOnlyObjectProperty<RecordCard> recordProperty() {
        return record.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What just happened, or why not; "" when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The message says why something failed or was refused. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty callEndedProperty() {
        return callEnded.getReadOnlyProperty();
    }

    /** The chosen campaign's dispositions, each with its one-key shortcut. */
    public ObservableList<DispositionItem> dispositions() {
        return dispositions;
    }

    public ReadOnlyObjectProperty<AttemptResult> resultProperty() {
        return result;
    }

    public ReadOnlyObjectProperty<DispositionItem> dispositionProperty() {
        return disposition;
    }

    public ObjectProperty<LocalDate> callbackDateProperty() {
        return callbackDate;
    }

    /** The callback's time of day in the agent's zone, "14:30". */
    public StringProperty callbackTimeProperty() {
        return callbackTime;
    }

    public BooleanProperty callbackToMeProperty() {
        return callbackToMe;
    }

    public BooleanBinding needsCallbackProperty() {
        return needsCallback;
    }

    public BooleanBinding canDialProperty() {
        return canDial;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** Text of a result, for its button. */
    public String resultText(AttemptResult r) {
        return texts.result(r);
    }
}
