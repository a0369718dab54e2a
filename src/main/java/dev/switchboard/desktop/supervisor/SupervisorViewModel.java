package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AlertView;
import dev.switchboard.api.CodeView;
import dev.switchboard.api.KpiView;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.AgentState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;

/**
 * The supervisor's dashboard: queue tiles, the agent grid and the alerts, computed by the server with
 * the abandon treatment and short-abandon cut-off chosen here.
 *
 * <p>How it stays current: the event stream pushes the dashboard as the server computes it by default
 * (abandons counted against, 5 s cut-off), at most twice a second. While those are the chosen settings
 * the pushed views are shown and nothing is polled. With any other settings the pushed numbers would
 * be the wrong ones, so they are ignored and the dashboard is asked for every {@link #POLL_SECONDS}
 * seconds instead, on the window's one-second ticker (so there is no second timer to stop).
 */
public final class SupervisorViewModel {
    /** Seconds between two asks while the chosen settings are not the ones the stream carries. */
    static final int POLL_SECONDS = 2;
    static final Treatment LIVE_TREATMENT = Treatment.AGAINST;
    static final int LIVE_CUTOFF = 5;
    static final int MAX_CUTOFF = 600;

    private final AgentSession session;
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final Formats formats;
    private final ErrorText errors;
    private final Tiles tiles;
    private final ReadOnlyObjectWrapper<Treatment> treatment = new ReadOnlyObjectWrapper<>(this, "treatment",
            LIVE_TREATMENT);
    private final ReadOnlyIntegerWrapper cutoff = new ReadOnlyIntegerWrapper(this, "cutoff", LIVE_CUTOFF);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper(this, "updated", "");
    private final ObservableList<QueueTile> queueTiles = FXCollections.observableArrayList();
    private final ObservableList<AlertItem> alerts = FXCollections.observableArrayList();
    private final ObservableList<QueueTile> readTiles = FXCollections.unmodifiableObservableList(queueTiles);
    private final ObservableList<AlertItem> readAlerts = FXCollections.unmodifiableObservableList(alerts);
    private final ObservableList<AgentRow> allAgents = FXCollections.observableArrayList();
    /** Each agent's row as last shown, kept while the server's figures for it stay the same. */
    private Map<Long, Shown> shownRows = Map.of();
    private SupervisorView base;
    /** The dashboard on screen: its agent rows are made again when the centre's settings (reasons' names) come. */
    private SupervisorView shown;
    private Object rowsConfig;
    private final ChangeListener<Object> configCame = (obs, old, config) -> {
        if (shown != null) {
            showAgents(shown);
        }
    };
    private final FilteredList<AgentRow> agents = new FilteredList<>(allAgents);
    private final StringProperty nameFilter = new SimpleStringProperty(this, "nameFilter", "");
    private final ObjectProperty<AgentState> stateFilter = new SimpleObjectProperty<>(this, "stateFilter");
    private final ObjectProperty<Long> queueFilter = new SimpleObjectProperty<>(this, "queueFilter");
    private final ObservableList<QueueChoice> queues = FXCollections.observableArrayList();
    private final ObservableList<QueueChoice> readQueues = FXCollections.unmodifiableObservableList(queues);
    private final Feedback feedback = new Feedback();
    private final IntervalChartModel chart;
    private final CampaignsViewModel campaigns;
    private final AgentActions agentActions;
    private final QueueActions queueActions;
    private final ReportExport report;
    private final Subscriptions subscriptions = new Subscriptions();
    private Instant now;
    private Instant lastAt;
    private long generation;
    private boolean inFlight;
    private boolean forbidden;
    private int ticksSinceAsked;

    public SupervisorViewModel(AgentSession session, SwitchboardApi api, TaskRunner tasks, Messages messages,
                               EnumText enums, Formats formats, ErrorText errors) {
        this.session = session;
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.formats = formats;
        this.errors = errors;
        this.tiles = new Tiles(messages);
        nameFilter.addListener((obs, old, text) -> refilter());
        stateFilter.addListener((obs, old, state) -> refilter());
        queueFilter.addListener((obs, old, queue) -> refilter());
        chart = new IntervalChartModel(api, tasks, messages, errors, new Intervals(messages, formats));
        agentActions = new AgentActions(api, tasks, messages, errors, feedback,
                () -> session.configProperty().get(), this::refresh);
        queueActions = new QueueActions(api, tasks, messages, enums, errors, feedback, this::now,
                () -> List.copyOf(allAgents), this::refresh);
        report = new ReportExport(api, tasks, messages, errors, feedback, this::today);
        campaigns = new CampaignsViewModel(api, tasks, messages, errors, feedback);
    }

    /** Follows the pushed dashboard and asks for the first one. */
    public void start() {
        subscriptions.add(session.events().on(SupervisorView.class, this::pushed));
        subscriptions.add(session.events().on(ResyncEvent.class, e -> resynced()));
        subscriptions.listen(session.configProperty(), configCame);
        load();
        chart.start(treatment.get(), cutoff.get(), now);
    }

    public void dispose() {
        subscriptions.close();
        chart.dispose();
        campaigns.dispose();
        generation++; // answers still on their way are dropped
    }

    /** New settings: the server recomputes from its history, nothing is lost. */
    public void use(Treatment nextTreatment, int nextCutoff) {
        Treatment t = nextTreatment == null ? LIVE_TREATMENT : nextTreatment;
        int c = Math.max(0, Math.min(MAX_CUTOFF, nextCutoff));
        if (t == treatment.get() && c == cutoff.get()) {
            return;
        }
        treatment.set(t);
        cutoff.set(c);
        load();
        chart.use(t, c, now);
    }

    /** Asks the server again now (the Refresh button, and after a failure). */
    public void refresh() {
        forbidden = false;
        load();
        chart.refresh(now);
        campaigns.refresh();
    }

    /** Every second: the agents' time in state; and, off the live settings, the next ask when due. */
    public void tick(Instant at) {
        now = at;
        for (AgentRow row : allAgents) {
            row.tick(at);
        }
        chart.tick(at);
        campaigns.tick();
        if (isLive() || forbidden || inFlight) {
            return;
        }
        if (++ticksSinceAsked >= POLL_SECONDS) {
            load();
        }
    }

    /** The chosen settings are the ones the event stream's dashboards are computed with. */
    public boolean isLive() {
        return treatment.get() == LIVE_TREATMENT && cutoff.get() == LIVE_CUTOFF;
    }

    private void load() {
        long asked = ++generation;
        Treatment t = treatment.get();
        int c = cutoff.get();
        inFlight = true;
        ticksSinceAsked = 0;
        loading.set(true);
        tasks.run(() -> api.supervisorDashboard(t.wire(), c), view -> {
            if (asked == generation) {
                inFlight = false;
                show(view);
            }
        }, e -> {
            if (asked == generation) {
                inFlight = false;
                failed(e);
            }
        });
    }

    private void pushed(SupervisorView view) {
        if (!isLive()) {
            return;
        }
        if (!view.partial()) {
            show(view);
        } else if (base != null) {
            DashboardMerge.apply(base, view).ifPresentOrElse(this::show, this::resynced);
        } else if (!inFlight) {
            refresh(); // only what changed, and nothing yet to apply it to: ask for the whole
        }
    }

    /**
     * Dashboards were missed, or one could not be applied: partial ones to come would apply to an old
     * grid, so the whole one first.
     */
    private void resynced() {
        base = null; // (off the live settings there is none, and the dashboard is asked for every 2 s)
        if (isLive() && !inFlight) {
            load();
        }
    }

    private void failed(Exception e) {
        loading.set(false);
        if (e instanceof ApiException api && api.status() == 403) {
            forbidden = true;
            error.set(messages.get("supervisor.error.forbidden"));
        } else {
            error.set(messages.format("supervisor.error.load", errors.of(e)));
        }
    }

    private void show(SupervisorView view) {
        if (view.at() != null && lastAt != null && view.at().isBefore(lastAt) && isLive()) {
            return; // an answer overtaken by a newer dashboard from the stream
        }
        base = isLive() ? view : null; // what the stream's partial dashboards apply to
        shown = view;
        loading.set(false);
        loaded.set(true);
        error.set("");
        forbidden = false;
        List<QueueTile> nextTiles = list(view.queues()).stream().map(tiles::tile).toList();
        if (!nextTiles.equals(queueTiles)) {
            queueTiles.setAll(nextTiles);
        }
        List<AlertItem> nextAlerts = list(view.alerts()).stream()
                .sorted(Comparator.comparing((AlertView a) -> !critical(a)))
                .map(a -> new AlertItem(a.message(), critical(a))).toList();
        if (!nextAlerts.equals(alerts)) {
            alerts.setAll(nextAlerts);
        }
        List<QueueChoice> nextQueues = new ArrayList<>();
        nextQueues.add(new QueueChoice(null, messages.get("supervisor.queues.all"), 0));
        list(view.queues()).forEach(q -> nextQueues.add(new QueueChoice(q.queueId(), q.name(), q.priority())));
        if (!nextQueues.equals(queues)) {
            queues.setAll(nextQueues);
        }
        if (view.at() != null) {
            lastAt = view.at();
        }
        showAgents(view);
        updated.set(messages.format(isLive() ? "supervisor.updated.live" : "supervisor.updated.polled",
                formats.time(view.at()), POLL_SECONDS));
    }

    /** The agent grid's rows for {@code view}, made anew for agents whose figures or reasons' names changed. */
    private void showAgents(SupervisorView view) {
        Instant at = now != null ? now : view.at();
        if (session.configProperty().get() != rowsConfig) {
            rowsConfig = session.configProperty().get(); // reasons' names may have come: rows are made anew
            shownRows = Map.of();
        }
        Map<Long, Shown> nextRows = new HashMap<>();
        List<AgentRow> rows = new ArrayList<>();
        for (AgentMetricsView a : list(view.agents())) {
            Shown before = shownRows.get(a.agentId());
            Shown now = before != null && before.view().equals(a) ? before : new Shown(a, row(a));
            now.row().tick(at);
            nextRows.put(a.agentId(), now);
            rows.add(now.row());
        }
        shownRows = nextRows;
        replaceRows(rows);
    }

    private record Shown(AgentMetricsView view, AgentRow row) {
    }

    /**
     * The same agents in the same order: only the rows that changed are replaced, so the grid keeps
     * its scroll position and does not sort and filter every row again; otherwise all are replaced.
     */
    private void replaceRows(List<AgentRow> rows) {
        boolean sameAgents = rows.size() == allAgents.size();
        for (int i = 0; sameAgents && i < rows.size(); i++) {
            sameAgents = rows.get(i).agentId() == allAgents.get(i).agentId();
        }
        if (!sameAgents) {
            allAgents.setAll(rows);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) != allAgents.get(i)) {
                allAgents.set(i, rows.get(i));
            }
        }
    }

    private AgentRow row(AgentMetricsView a) {
        String state = enums.agentState(a.state());
        String reason = reason(a.reasonCode());
        String stateText = reason == null ? state : messages.format("supervisor.agent.stateReason", state, reason);
        KpiCell aht = cell(messages.get("supervisor.agent.aht"), a.averageHandleTime());
        KpiCell occupancy = cell(messages.get("supervisor.agent.occupancy"), a.occupancy());
        String current = a.current() == null ? "" : messages.format("supervisor.agent.current",
                enums.channel(a.current().channel()), a.current().who());
        return new AgentRow(a.agentId(), a.name(), a.state(), stateText, a.since(), a.handledToday(), aht,
                value(a.averageHandleTime()), occupancy, value(a.occupancy()), current, list(a.queueIds()));
    }

    /** The time of the dashboard: the window's clock, else the server's last dashboard. */
    private Instant now() {
        return now != null ? now : lastAt;
    }

    /** The centre's today: the chart's day, else the local date of the dashboard's time. */
    private LocalDate today() {
        LocalDate day = chart.day();
        if (day != null) {
            return day;
        }
        Instant at = now();
        return LocalDate.ofInstant(at != null ? at : Instant.now(), ZoneId.systemDefault());
    }

    private KpiCell cell(String title, KpiView kpi) {
        return new KpiCell(tiles.value(kpi), title, tiles.formula(title, kpi), Level.NONE);
    }

    private String reason(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        for (CodeView c : session.configProperty().get().notReadyReasons()) {
            if (code.equals(c.code())) {
                return c.label();
            }
        }
        return code;
    }

    private void refilter() {
        String text = nameFilter.get() == null ? "" : nameFilter.get().strip().toLowerCase(Locale.ROOT);
        AgentState state = stateFilter.get();
        Long queue = queueFilter.get();
        agents.setPredicate(row -> (text.isEmpty() || row.name().toLowerCase(Locale.ROOT).contains(text))
                && (state == null || row.state() == state) && (queue == null || row.queueIds().contains(queue)));
    }

    private static Double value(KpiView kpi) {
        return kpi == null ? null : kpi.value();
    }

    private static boolean critical(AlertView a) {
        return "CRITICAL".equals(a.severity());
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    // ---- what the view binds ----

    public ReadOnlyObjectProperty<Treatment> treatmentProperty() {
        return treatment.getReadOnlyProperty();
    }

    /** Abandons sooner than this many seconds are not counted. */
    public ReadOnlyIntegerProperty cutoffProperty() {
        return cutoff.getReadOnlyProperty();
    }

    /** An ask is on its way. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A dashboard has been shown since the window opened. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the dashboard could not be had ("" when it could). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Updated 10:00:05 · live" or "… · refreshed every 2 s". */
    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    public ObservableList<QueueTile> tiles() {
        return readTiles;
    }

    /** Critical first, then warnings. */
    public ObservableList<AlertItem> alerts() {
        return readAlerts;
    }

    /** The agents that pass the name, state and queue filters. */
    public ObservableList<AgentRow> agents() {
        return agents;
    }

    /** Part of a name to look for (any case); "" for everyone. */
    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    /** One state to show; null for all. */
    public ObjectProperty<AgentState> stateFilterProperty() {
        return stateFilter;
    }

    /** One queue whose agents to show (those whose skills serve it); null for all. */
    public ObjectProperty<Long> queueFilterProperty() {
        return queueFilter;
    }

    /** "All queues", then the dashboard's queues with their priorities. */
    public ObservableList<QueueChoice> queues() {
        return readQueues;
    }

    /** Every agent of the grid, whatever the filters: the agents a contact can be moved to. */
    public List<AgentRow> allAgents() {
        return List.copyOf(allAgents);
    }

    public Feedback feedback() {
        return feedback;
    }

    public IntervalChartModel chart() {
        return chart;
    }

    /** The Campaigns tab. */
    public CampaignsViewModel campaigns() {
        return campaigns;
    }

    public AgentActions agentActions() {
        return agentActions;
    }

    public QueueActions queueActions() {
        return queueActions;
    }

    public ReportExport report() {
        return report;
    }

    /** A case report of its own for a dialog that opens; closing the dialog drops its answers. */
    public CaseReportModel caseReport() {
        return new CaseReportModel(api, tasks, messages, enums, errors);
    }

    /** The words for a treatment and its one-line explanation. */
    public String treatmentText(Treatment t) {
        return enums.treatment(t);
    }

    public String treatmentHelp(Treatment t) {
        return enums.treatmentHelp(t);
    }

    public String stateText(AgentState state) {
        return state == null ? messages.get("supervisor.agents.allStates") : enums.agentState(state);
    }
}
