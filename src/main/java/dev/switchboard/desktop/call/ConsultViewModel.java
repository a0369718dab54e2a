package dev.switchboard.desktop.call;

import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.CallView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.ConsultRequest;
import dev.switchboard.api.ConsultView;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.AgentState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A consultation on the followed call: the panel where the agent picks a colleague or types a number
 * (the customer is put on hold while it rings), and the bar's Complete transfer and Cancel consult.
 * The call bar's model tells it where the call stands and carries its requests, one at a time.
 */
public final class ConsultViewModel {
    /** A colleague who can be consulted, with their state in words. */
    public record Colleague(long id, String name, String state) {
    }

    /** How the call bar's model sends a request about the followed call and applies its answer. */
    interface CallRequests {
        /**
         * Sends {@code request} (given the interaction id) if the followed call is connected and idle;
         * false otherwise. A failure goes to {@code refused}, or to the bar when that is null.
         */
        boolean send(LongFunction<CallView> request, Consumer<CallView> answered, Consumer<Exception> refused);
    }

    private final AgentSession session;
    private final SwitchboardApi api;
    private final Messages messages;
    private final EnumText enums;
    private final ErrorText errors;
    private final NoticeBoard notices;
    private final CallRequests requests;
    private final Subscriptions subscriptions = new Subscriptions();
    private final List<Colleague> all = new ArrayList<>();
    private final ObservableList<Colleague> colleagues = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Colleague> colleague = new SimpleObjectProperty<>(this, "colleague");
    private final BooleanProperty toNumber = new SimpleBooleanProperty(this, "toNumber");
    private final StringProperty number = new SimpleStringProperty(this, "number", "");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper colleagueError = new ReadOnlyStringWrapper(this, "colleagueError", "");
    private final ReadOnlyStringWrapper numberError = new ReadOnlyStringWrapper(this, "numberError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper canConsult = new ReadOnlyBooleanWrapper(this, "canConsult");
    private final ReadOnlyBooleanWrapper consulting = new ReadOnlyBooleanWrapper(this, "consulting");
    private final ReadOnlyBooleanWrapper canComplete = new ReadOnlyBooleanWrapper(this, "canComplete");
    private final ReadOnlyBooleanWrapper canConference = new ReadOnlyBooleanWrapper(this, "canConference");
    private final ReadOnlyBooleanWrapper conferencing = new ReadOnlyBooleanWrapper(this, "conferencing");
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private String target = "";

    ConsultViewModel(AgentSession session, SwitchboardApi api, Messages messages, EnumText enums, ErrorText errors,
                     NoticeBoard notices, CallRequests requests) {
        this.session = session;
        this.api = api;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
        this.notices = notices;
        this.requests = requests;
        subscriptions.listen(session.configProperty(), (obs, old, now) -> showColleagues(now));
        subscriptions.listen(filter, (obs, old, now) -> applyFilter());
        showColleagues(session.configProperty().get());
    }

    /** Opens the panel if a consultation can start now, or closes it. */
    public void toggle() {
        if (open.get()) {
            close();
        } else if (canConsult.get()) {
            filter.set("");
            colleague.set(null);
            number.set("");
            clearErrors();
            open.set(true);
            applyFilter();
            session.loadConfig(); // the colleagues' states, fresh
        }
    }

    public void close() {
        open.set(false);
        applyFilter();
    }

    /** Calls the colleague picked (or the only one the filter leaves) or the number typed. */
    public void start() {
        if (!open.get() || busy.get()) {
            return;
        }
        clearErrors();
        ConsultRequest request = request();
        if (request != null && !requests.send(id -> api.consult(id, request), view -> { }, this::refused)) {
            error.set(messages.get("call.consult.error.notConnected"));
        }
    }

    /** The customer goes to the consulted party; the agent leaves the call. */
    public void complete() {
        if (canComplete.get()) {
            String to = target;
            requests.send(api::completeConsult,
                    view -> notices.post(messages.format("call.consult.completed", to)), null);
        }
    }

    /** Brings the caller in: the three talk together (the agent's phone takes a second line and mixes). */
    public void conference() {
        if (canConference.get()) {
            requests.send(api::conference, view -> { }, null);
        }
    }

    /** Hangs up on the consulted party and takes the customer off hold. */
    public void cancel() {
        if (canCancel.get()) {
            requests.send(api::cancelConsult, view -> { }, null);
        }
    }

    public void dispose() {
        subscriptions.close();
    }

    /**
     * Where the followed call stands: its consultation (null when none), whether it is connected and
     * being worked ({@code live}), and whether a request about it is on its way.
     */
    void show(ConsultView consult, boolean live, boolean waiting) {
        boolean under = live && consult != null;
        target = under ? consult.target() : "";
        busy.set(waiting);
        consulting.set(under);
        canConsult.set(live && consult == null && !waiting);
        canCancel.set(under && !waiting);
        boolean answered = under && !ConsultView.RINGING.equals(consult.state());
        canComplete.set(answered && !waiting);
        canConference.set(answered && ConsultView.CONNECTED.equals(consult.state()) && !waiting);
        conferencing.set(under && ConsultView.CONFERENCE.equals(consult.state()));
        if (open.get() && (!live || consult != null)) {
            close(); // it started, or there is no call to consult on any more
        }
    }

    private ConsultRequest request() {
        if (toNumber.get()) {
            String typed = number.get() == null ? "" : number.get().strip();
            if (typed.isEmpty()) {
                numberError.set(messages.get("call.consult.error.number"));
                return null;
            }
            return new ConsultRequest(typed, null);
        }
        Colleague to = colleague.get() != null ? colleague.get() : colleagues.size() == 1 ? colleagues.get(0) : null;
        if (to == null) {
            colleagueError.set(messages.get("call.consult.error.colleague"));
            return null;
        }
        return new ConsultRequest(null, to.id());
    }

    private void refused(Exception e) {
        String field = ErrorText.field(e);
        if ("number".equals(field) && toNumber.get()) {
            numberError.set(errors.of(e));
        } else if ("agentId".equals(field) && !toNumber.get()) {
            colleagueError.set(errors.of(e));
        } else {
            error.set(errors.of(e));
        }
    }

    private void clearErrors() {
        colleagueError.set("");
        numberError.set("");
        error.set("");
    }

    private void showColleagues(ConfigView config) {
        all.clear();
        List<AgentSummary> agents = new ArrayList<>(config.agents());
        agents.sort(Comparator.comparing(AgentSummary::displayName, String.CASE_INSENSITIVE_ORDER));
        for (AgentSummary a : agents) {
            if (a.id() != session.agentId() && a.state() != AgentState.LOGGED_OUT) {
                all.add(new Colleague(a.id(), a.displayName(), enums.agentState(a.state())));
            }
        }
        applyFilter();
    }

    /** The list is filled only while the panel is open: no hidden rows for anything to find. */
    private void applyFilter() {
        String q = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        Colleague chosen = colleague.get();
        colleagues.setAll(!open.get() ? List.of()
                : all.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).contains(q)).toList());
        colleague.set(chosen == null ? null
                : colleagues.stream().filter(c -> c.id() == chosen.id()).findFirst().orElse(null));
    }

    // ---- what the panel and the bar bind ----

    /** The colleagues who can be consulted (signed in, not this agent), as filtered. */
    public ObservableList<Colleague> colleagues() {
        return colleagues;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Colleague> colleagueProperty() {
        return colleague;
    }

    /** The agent chose to consult an outside number rather than a colleague. */
    public BooleanProperty toNumberProperty() {
        return toNumber;
    }

    public StringProperty numberProperty() {
        return number;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** A request about the call is on its way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty colleagueErrorProperty() {
        return colleagueError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty numberErrorProperty() {
        return numberError.getReadOnlyProperty();
    }

    /** Why the server refused the consultation, when it is not about the number or colleague. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The call is connected, nothing is on its way, and no consultation is under way. */
    public ReadOnlyBooleanProperty canConsultProperty() {
        return canConsult.getReadOnlyProperty();
    }

    /** A consultation is under way: the customer waits on hold. */
    public ReadOnlyBooleanProperty consultingProperty() {
        return consulting.getReadOnlyProperty();
    }

    /** The consulted party answered: the customer can be handed to them. */
    public ReadOnlyBooleanProperty canCompleteProperty() {
        return canComplete.getReadOnlyProperty();
    }

    /** The caller, the agent and the consulted party talk together. */
    public ReadOnlyBooleanProperty conferencingProperty() {
        return conferencing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canConferenceProperty() {
        return canConference.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }
}
