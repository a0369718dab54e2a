package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.CampaignView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The supervisor's Campaigns tab: every outbound campaign with its progress, and pausing or resuming
 * one.
 *
 * <p>When it asks: when the tab is opened, every {@link #REFRESH_SECONDS} seconds while it stays open
 * (counted on the window's one-second ticker, so there is no timer of its own to stop), on Refresh while
 * it is open, and after a pause or resume. Nothing is asked while the tab is closed, nor on the ticker
 * once the server said this user may not see campaigns. An answer to an older ask is dropped.
 */
public final class CampaignsViewModel {
    /** Seconds between two asks while the tab is open. */
    static final int REFRESH_SECONDS = 10;

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final Feedback feedback;
    private final CampaignRows rows;
    private final ObservableList<CampaignRow> campaigns = FXCollections.observableArrayList();
    private final ObservableList<CampaignRow> readCampaigns = FXCollections.unmodifiableObservableList(campaigns);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private boolean showing;
    private boolean stopped;
    private boolean inFlight;
    private boolean forbidden;
    private int secondsSinceAsked;
    private long generation;

    CampaignsViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors, Feedback feedback) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.feedback = feedback;
        this.rows = new CampaignRows(messages);
    }

    /** The tab was opened (true) or left (false); opening it asks at once. */
    public void showing(boolean now) {
        if (now == showing) {
            return;
        }
        showing = now;
        if (now) {
            forbidden = false;
            load();
        }
    }

    /** Asks again now, if the tab is open (the dashboard's Refresh). */
    public void refresh() {
        forbidden = false;
        if (showing) {
            load();
        }
    }

    /** Every second, from the window's ticker. */
    void tick() {
        if (!showing || stopped || forbidden || inFlight) {
            return;
        }
        if (++secondsSinceAsked >= REFRESH_SECONDS) {
            load();
        }
    }

    void dispose() {
        stopped = true;
        generation++; // answers still on their way are dropped
    }

    /** The question to ask before {@code row} is paused. */
    public String pauseQuestion(CampaignRow row) {
        return messages.format("supervisor.campaigns.pause.question", row.name());
    }

    /**
     * Pauses an active campaign or resumes a paused one; the outcome, or the server's reason for refusing
     * it, goes to the feedback line, and the list is asked for again.
     */
    public void toggle(CampaignRow row) {
        if (row == null || busy.get() || stopped) {
            return;
        }
        boolean resume = !row.active();
        busy.set(true);
        feedback.working(messages.format(resume ? "supervisor.campaigns.resume.working"
                : "supervisor.campaigns.pause.working", row.name()));
        tasks.run(() -> api.outboundSetActive(row.id(), resume), after -> {
            busy.set(false);
            feedback.done(messages.format(resume ? "supervisor.campaigns.resume.done"
                    : "supervisor.campaigns.pause.done", row.name()));
            if (after != null) {
                replace(rows.row(after));
            }
            load();
        }, e -> {
            busy.set(false);
            feedback.failed(messages.format(resume ? "supervisor.campaigns.resume.failed"
                    : "supervisor.campaigns.pause.failed", row.name(), errors.of(e)));
            load(); // the campaign may have changed under us: show it as it stands
        });
    }

    private void load() {
        if (stopped) {
            return;
        }
        long asked = ++generation;
        inFlight = true;
        secondsSinceAsked = 0;
        tasks.run(api::outboundCampaigns, list -> {
            if (asked == generation) {
                inFlight = false;
                received(list == null ? List.of() : list);
            }
        }, e -> {
            if (asked == generation) {
                inFlight = false;
                failed(e);
            }
        });
    }

    private void failed(Exception e) {
        if (e instanceof ApiException a && a.status() == 403) {
            forbidden = true;
            error.set(messages.get("supervisor.campaigns.error.forbidden"));
        } else {
            error.set(messages.format("supervisor.campaigns.error", errors.of(e)));
        }
    }

    private void received(List<CampaignView> list) {
        error.set("");
        List<CampaignRow> next = new ArrayList<>();
        for (CampaignView c : list) {
            next.add(rows.row(c));
        }
        boolean sameCampaigns = next.size() == campaigns.size();
        for (int i = 0; sameCampaigns && i < next.size(); i++) {
            sameCampaigns = next.get(i).id() == campaigns.get(i).id();
        }
        if (!sameCampaigns) {
            campaigns.setAll(next);
        } else {
            // only the rows that changed are replaced: the table keeps its scroll position
            for (int i = 0; i < next.size(); i++) {
                if (!next.get(i).equals(campaigns.get(i))) {
                    campaigns.set(i, next.get(i));
                }
            }
        }
        loaded.set(true);
    }

    private void replace(CampaignRow row) {
        for (int i = 0; i < campaigns.size(); i++) {
            if (campaigns.get(i).id() == row.id() && !campaigns.get(i).equals(row)) {
                campaigns.set(i, row);
            }
        }
    }

    /** Every campaign, in the server's order. */
    public ObservableList<CampaignRow> campaigns() {
        return readCampaigns;
    }

    /** A list has come since the tab was first opened. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the campaigns could not be had ("" when they could). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A pause or resume is on its way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Pause… for an active campaign, Resume for a paused one. */
    public String actionText(CampaignRow row) {
        return messages.get(row != null && !row.active() ? "supervisor.campaigns.resume"
                : "supervisor.campaigns.pause");
    }

    /** The action's tooltip, with its shortcut. */
    public String actionTip(CampaignRow row, String shortcut) {
        return messages.format(row != null && !row.active() ? "supervisor.campaigns.resume.tip"
                : "supervisor.campaigns.pause.tip", shortcut);
    }
}
