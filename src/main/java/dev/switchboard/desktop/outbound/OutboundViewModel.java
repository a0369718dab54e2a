package dev.switchboard.desktop.outbound;

import dev.switchboard.api.CampaignView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.OutboundDialView;
import dev.switchboard.api.OutboundNextView;
import dev.switchboard.api.OutboundRecordView;
import dev.switchboard.api.OutboundResultRequest;
import dev.switchboard.api.OutboundSeatView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Registration;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.outbound.AttemptResult;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The outbound agent's work on a campaign: pick a campaign; on a PREVIEW campaign, preview the record
 * the server holds for the agent (with the customer's card and its earlier attempts), dial or skip
 * it; on a PROGRESSIVE or PREDICTIVE one, take a seat and wait while the server's dialler puts
 * answered calls through ({@code outbound.call} events). Then end the call, report its result (a
 * disposition for a connected call, a time for a callback), and the next record or call comes on its
 * own. Every server call goes through the task runner; one at a time ({@link #busyProperty()}).
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
    private final ReadOnlyBooleanWrapper seated = new ReadOnlyBooleanWrapper(this, "seated");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private final ReadOnlyBooleanWrapper callEnded = new ReadOnlyBooleanWrapper(this, "callEnded");
    private final ResultForm form;
    private final BooleanBinding canDial;
    private final BooleanBinding canNext;
    private final BooleanBinding canSave;
    private final ChangeListener<CampaignItem> onCampaign = (obs, old, now) -> campaignChosen(old, now);
    private final BooleanBinding canStop;
    private Registration callEvents = () -> { };
    private AgentSession session;
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
        this.form = new ResultForm(clock);
        campaign.addListener(onCampaign);
        canDial = stage.isEqualTo(CallListStep.PREVIEW).and(busy.not());
        // with no campaign, Next asks for the campaigns again
        canNext = stage.isNotEqualTo(CallListStep.ON_CALL).and(stage.isNotEqualTo(CallListStep.WAITING))
                .and(busy.not());
        canStop = seated.and(stage.isEqualTo(CallListStep.WAITING)).and(busy.not());
        canSave = stage.isEqualTo(CallListStep.ON_CALL).and(busy.not()).and(form.completeProperty());
    }

    private void campaignChosen(CampaignItem old, CampaignItem now) {
        if (now != null && (old == null || old.id() != now.id())) {
            form.useDispositions(now);
            leaveSeat(old);
            next();
        }
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

    /** Asks for the next record of the chosen campaign; on a campaign the server dials, takes a seat on it. */
    public void next() {
        CampaignItem c = campaign.get();
        if (c == null && !busy.get()) {
            start(); // the campaigns could not be read before (or none was active): ask again
            return;
        }
        if (c == null || busy.get() || stage.get() == CallListStep.ON_CALL) {
            return;
        }
        if (c.dialledByServer()) {
            record.set(null);
            history.clear();
            call(() -> api.outboundJoin(c.id()), seat -> {
                seated.set(true);
                presence(AgentState.READY);
                if (seat.inHand() != null) {
                    inHand(seat.inHand(), null, List.of());
                    return;
                }
                stage.set(CallListStep.WAITING);
                waiting(seat);
            });
            return;
        }
        call(() -> api.outboundNext(c.id()), this::show);
    }

    /**
     * Follows the session's event stream for the calls the dialler puts through to this agent, and
     * keeps the agent's state in step with the seat: Ready while seated, on a break once they stop.
     */
    public void follow(AgentSession session) {
        callEvents.close();
        this.session = session;
        callEvents = session.events().on(OutboundDialView.class, this::given);
    }

    private void presence(AgentState state) {
        if (session != null) {
            session.changeState(state, state == AgentState.NOT_READY ? "BREAK" : null);
        }
    }

    /** Gives up the seat: the dialler puts no more calls through to this agent until Take calls. */
    public void stopCalls() {
        CampaignItem c = campaign.get();
        if (!canStop.get() || c == null) {
            return;
        }
        call(() -> api.outboundLeave(c.id()), seat -> {
            seated.set(false);
            presence(AgentState.NOT_READY);
            if (stage.get() == CallListStep.WAITING) {   // a call put through meanwhile stays on screen
                stage.set(CallListStep.NOTHING);
                say(messages.get("outbound.stopped"));
            }
        });
    }

    /**
     * Renews the seat (the server lets a seat go that is not renewed within a minute) and refreshes
     * what the dialler is doing; the view calls it every half minute. A paused campaign ends the seat.
     */
    public void renewSeat() {
        CampaignItem c = campaign.get();
        if (!seated.get() || c == null) {
            return;
        }
        tasks.run(() -> api.outboundJoin(c.id()), seat -> {
            if (stage.get() == CallListStep.WAITING && !busy.get()) {
                if (seat.inHand() != null) {
                    inHand(seat.inHand(), null, List.of());   // a call given whose event never came
                } else {
                    waiting(seat);
                }
            }
            refreshProgress();
        }, failure -> {
            if (failure instanceof ApiException refused && refused.status() == 409 && seated.get()) {
                // paused, or the phone went away: the seat is over here, so it is over on the server too
                seated.set(false);
                tasks.run(() -> api.outboundLeave(c.id()), ok -> { }, ignored -> { });
                if (stage.get() == CallListStep.WAITING) {
                    stage.set(CallListStep.NOTHING);
                }
                fail(errors.of(failure));
            }
        });
    }

    /**
     * The dialler put an answered call through to this agent: the record and its customer, on the
     * call already, connected.
     */
    public void given(OutboundDialView v) {
        if (disposed || v == null || v.record() == null) {
            return;
        }
        // the record's own campaign: a call may come while another is picked
        CampaignItem c = campaigns.stream().filter(i -> i.id() == v.record().campaignId()).findFirst()
                .orElse(campaign.get());
        if (c != null && c != campaign.get()) {
            form.useDispositions(c);
        }
        ScreenPop pop = v.call();
        record.set(texts.card(v.record(), pop == null ? null : pop.customer(),
                pop == null || pop.openTickets() == null ? List.of() : pop.openTickets(),
                c == null ? 0 : c.maxAttempts(), clock.instant()));
        loadHistory(v.record().id());
        dialled(v);
        refreshProgress();
        form.result().set(AttemptResult.CONNECTED);
        say(messages.format("outbound.connected", record.get().name()));
    }

    /**
     * A record dialled before whose result was never saved (the dial's answer was lost, or the
     * desktop restarted): back on screen to say how the call ended.
     */
    private void inHand(OutboundRecordView r, CustomerSummary customer, List<TicketView> tickets) {
        CampaignItem c = campaign.get();
        record.set(texts.card(r, customer, tickets, c == null ? 0 : c.maxAttempts(), clock.instant()));
        loadHistory(r.id());
        dialled(new OutboundDialView(r, null));
        interactionId = r.interactionId();
        fail(messages.format("outbound.inHand", record.get().name()));
    }

    private void waiting(OutboundSeatView seat) {
        say(seat.nextDueAt() != null
                ? messages.format("outbound.waiting.until", texts.nothing(null, seat.nextDueAt(), clock.instant()))
                : messages.format("outbound.waiting", seat.note() == null ? "" : seat.note()));
    }

    private void loadHistory(long recordId) {
        history.clear();
        tasks.run(() -> api.outboundAttempts(recordId), lines -> {
            RecordCard shown = record.get();
            if (shown != null && shown.id() == recordId) {
                history.setAll(texts.history(lines));
            }
        }, failure -> { });
    }

    /** Dials the record shown. */
    public void dial() {
        RecordCard r = record.get();
        if (!canDial.get() || r == null) {
            return;
        }
        say(messages.format("outbound.dialling", r.number()));
        busy.set(true);
        tasks.run(() -> api.outboundDial(r.id()), v -> {
            busy.set(false);
            dialled(v);
        }, failure -> {
            busy.set(false);
            if (failure instanceof ApiException api && api.status() == 409 && api.error() != null
                    && RecordTexts.isRefusal(api.error().error())) {
                stage.set(CallListStep.REFUSED);
                fail(messages.format("outbound.refused", texts.refusal(api.error().error(), api.error().message())));
                refreshProgress();
            } else {
                fail(errors.of(failure));
                recoverDial(r.id());
            }
        });
    }

    /**
     * After a dial whose answer did not come back (a timeout, a dropped link): the server may have
     * placed the call. If it did, the record is shown as dialled, so its result can be reported.
     */
    private void recoverDial(long recordId) {
        tasks.run(() -> api.outboundRecord(recordId), latest -> {
            RecordCard shown = record.get();
            if (latest != null && latest.dialledAt() != null && shown != null && shown.id() == recordId
                    && stage.get() == CallListStep.PREVIEW) {
                inHand(latest, null, List.of());
                record.set(shown);   // keep the card with its customer
            }
        }, failure -> { });
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
        return stage.get() == CallListStep.ON_CALL && !busy.get() && form.pickKey(key);
    }

    public void chooseResult(AttemptResult r) {
        form.result().set(r);
    }

    public void chooseDisposition(DispositionItem d) {
        form.choose(d);
    }

    /** Posts the result (ending the call first if it still runs), then fetches the next record. */
    public void save() {
        RecordCard r = record.get();
        if (!canSave.get() || r == null) {
            return;
        }
        Instant at = null;
        if (form.needsCallback().get()) {
            at = form.callbackInstant();
            if (at == null) {
                fail(messages.get("outbound.callback.badTime"));
                return;
            }
        }
        DispositionItem d = form.disposition().get();
        CampaignItem worked = campaign.get();
        // on a campaign the server dials, a callback goes to the campaign: the dialler picks the agent
        boolean toMe = form.callbackToMe().get() && (worked == null || !worked.dialledByServer());
        OutboundResultRequest request = new OutboundResultRequest(form.result().get(), d == null ? null : d.code(), at,
                d != null && d.view().schedulesCallback() ? toMe : null);
        Long call = interactionId;
        boolean hangUp = !callEnded.get();
        String done = d == null ? texts.result(form.result().get()) : d.label();
        busy.set(true);
        tasks.run(() -> {
            // the result first: refused, it leaves the call and its work as they were
            var saved = api.outboundResult(r.id(), request);
            if (call != null) {
                finishCall(call, hangUp, done);
            }
            return saved;
        }, saved -> {
            busy.set(false);
            clearCall();
            refreshProgress();
            CampaignItem c = campaign.get();
            if (seated.get() && c != null && c.dialledByServer()) {
                // the result frees the seat on the server: the dialler's next call comes by itself
                record.set(null);
                history.clear();
                stage.set(CallListStep.WAITING);
                say(messages.format("outbound.saved.waiting", r.name(), done));
                return;
            }
            stage.set(CallListStep.NOTHING);
            say(messages.format("outbound.saved", r.name(), done));
            keepMessage = true;
            next();
        }, failure -> {
            busy.set(false);
            if (failure instanceof ApiException refused && refused.status() == 409 && refused.error() != null
                    && "not_held".equals(refused.error().error())) {
                lost(r, call);
            } else {
                fail(errors.of(failure));
            }
        });
    }

    /**
     * The record is no longer this agent's (the call never reached their phone, so the dialler let
     * it go; or a supervisor's change): the call's work is closed and the list goes on.
     */
    private void lost(RecordCard r, Long call) {
        if (call != null) {
            tasks.run(() -> {
                finishCall(call, true, null);
                return null;
            }, ok -> { }, ignored -> { });
        }
        clearCall();
        record.set(null);
        history.clear();
        CampaignItem c = campaign.get();
        boolean waiting = seated.get() && c != null && c.dialledByServer();
        stage.set(waiting ? CallListStep.WAITING : CallListStep.NOTHING);
        fail(messages.format("outbound.lost", r.name()));
        refreshProgress();
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

    private void show(OutboundNextView v) {
        CampaignItem c = campaign.get();
        if (v.record() == null) {
            record.set(null);
            stage.set(CallListStep.NOTHING);
            say(texts.nothing(v.none(), v.nextDueAt(), clock.instant()));
            return;
        }
        if (v.record().dialledAt() != null) {
            inHand(v.record(), v.customer(), v.openTickets() == null ? List.of() : v.openTickets());
            return;
        }
        record.set(texts.card(v.record(), v.customer(), v.openTickets(), c == null ? 0 : c.maxAttempts(),
                clock.instant()));
        loadHistory(v.record().id());
        stage.set(CallListStep.PREVIEW);
        if (keepMessage) {
            keepMessage = false;
        } else {
            say("");
        }
    }

    private void dialled(OutboundDialView v) {
        interactionId = v.call() != null && v.call().interaction() != null ? v.call().interaction().id() : null;
        callEnded.set(false);
        form.clear();
        stage.set(CallListStep.ON_CALL);
        RecordCard r = record.get();
        say(messages.format("outbound.onCall", r == null ? v.record().number() : r.name()));
    }

    private void clearCall() {
        interactionId = null;
        callEnded.set(false);
        form.clear();
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
        return new CampaignItem(v.id(), v.name(), v.mode(), v.maxAttempts(),
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
        callEvents.close();
        leaveSeat(campaign.get());
    }

    /** Gives up the seat on {@code c} in the background (another campaign chosen, or the view closed). */
    private void leaveSeat(CampaignItem c) {
        if (seated.get() && c != null) {
            seated.set(false);
            tasks.run(() -> api.outboundLeave(c.id()), ok -> { }, failure -> { });
        }
    }

    /** The record's earlier attempts, newest first ("25 Nov 14:02 · Busy"); empty while unknown. */
    public ObservableList<String> history() {
        return history;
    }

    /** Seated on a campaign the server dials. */
    public ReadOnlyBooleanProperty seatedProperty() {
        return seated.getReadOnlyProperty();
    }

    public BooleanBinding canStopProperty() {
        return canStop;
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
        return form.dispositions();
    }

    public ReadOnlyObjectProperty<AttemptResult> resultProperty() {
        return form.result();
    }

    public ReadOnlyObjectProperty<DispositionItem> dispositionProperty() {
        return form.disposition();
    }

    public ObjectProperty<LocalDate> callbackDateProperty() {
        return form.callbackDate();
    }

    /** The callback's time of day in the agent's zone, "14:30". */
    public StringProperty callbackTimeProperty() {
        return form.callbackTime();
    }

    public BooleanProperty callbackToMeProperty() {
        return form.callbackToMe();
    }

    public BooleanBinding needsCallbackProperty() {
        return form.needsCallback();
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
