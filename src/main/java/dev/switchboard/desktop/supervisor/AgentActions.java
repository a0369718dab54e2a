package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.CodeView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.StateRequest;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.AgentState;

import java.util.List;
import java.util.function.Supplier;

/**
 * A supervisor sets an agent of the grid ready or not ready (with one of the configured reasons, as the
 * agent's own state menu offers them). The outcome, or the server's reason for refusing (the agent
 * signed out meanwhile, say), goes to the dashboard's feedback line; the grid is asked for again.
 */
public final class AgentActions {
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final Feedback feedback;
    private final Supplier<ConfigView> config;
    private final Runnable refresh;

    AgentActions(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors, Feedback feedback,
                 Supplier<ConfigView> config, Runnable refresh) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.feedback = feedback;
        this.config = config;
        this.refresh = refresh;
    }

    /** The not-ready reasons configured for the centre. */
    public List<CodeView> reasons() {
        ConfigView c = config.get();
        return c == null || c.notReadyReasons() == null ? List.of() : c.notReadyReasons();
    }

    /** Whether the row's agent can be made ready now (signed in and not ready already). */
    public boolean canMakeReady(AgentRow row) {
        return row != null && row.state() != AgentState.LOGGED_OUT && row.state() != AgentState.READY;
    }

    /** Whether the row's agent can be made not ready now (signed in; a busy agent turns not ready after). */
    public boolean canMakeNotReady(AgentRow row) {
        return row != null && row.state() != AgentState.LOGGED_OUT && !reasons().isEmpty();
    }

    public void makeReady(AgentRow row) {
        if (!canMakeReady(row)) {
            return;
        }
        send(row, new StateRequest(AgentState.READY, null), messages.get("supervisor.state.ready"));
    }

    public void makeNotReady(AgentRow row, CodeView reason) {
        if (!canMakeNotReady(row) || reason == null) {
            return;
        }
        send(row, new StateRequest(AgentState.NOT_READY, reason.code()),
                messages.format("supervisor.agent.stateReason", messages.get("supervisor.state.notReady"),
                        reason.label()));
    }

    private void send(AgentRow row, StateRequest request, String stateText) {
        String name = row.name();
        feedback.working(messages.format("supervisor.action.state.working", name, stateText));
        tasks.run(() -> api.supervisorSetAgentState(row.agentId(), request), (AgentSummary after) -> {
            boolean now = after == null || after.state() == request.state();
            feedback.done(messages.format(now ? "supervisor.action.state.done" : "supervisor.action.state.after",
                    name, stateText));
            refresh.run();
        }, e -> feedback.failed(messages.format("supervisor.action.state.failed", name, errors.of(e))));
    }
}
