package dev.switchboard.server;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AgentRowChange;
import dev.switchboard.api.AlertView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.Role;

import java.util.List;
import java.util.Map;

/**
 * The agents a supervisor oversees: a team's supervisor, the agents of that team and those not in
 * any team yet (nobody's agents are not hidden from anyone); a supervisor without a team, and an
 * administrator, every agent. {@link Scopes} counts a supervisor's team the same way. The queues are
 * the centre's and every supervisor sees all of them, with their alerts; agents' rows and alerts are
 * the crew's alone.
 *
 * @param everyone whether every agent is in it
 * @param teamId   the team, when not everyone
 */
record Crew(boolean everyone, Long teamId) {
    static final Crew EVERYONE = new Crew(true, null);

    /**
     * Whose dashboard {@code viewer} sees; {@code teams} gives each person's team (absent: none). While
     * nobody has a team, every supervisor's crew is everyone.
     */
    static Crew of(Agent viewer, Map<Long, Long> teams) {
        Long team = teams.get(viewer.id());
        if (team == null || viewer.role() == Role.ADMINISTRATOR) {
            return EVERYONE;
        }
        return new Crew(false, team);
    }

    boolean includes(long agentId, Map<Long, Long> teams) {
        if (everyone) {
            return true;
        }
        Long team = teams.get(agentId);
        return team == null || team.equals(teamId);
    }

    /**
     * The dashboard as this crew's supervisor sees it: the same queue tiles, the crew's agents, and the
     * alerts of queues and of the crew's agents. Rows are the very objects of {@code all}, so a delta
     * between two views still finds unchanged rows by reference.
     */
    SupervisorView view(SupervisorView all, Map<Long, Long> teams) {
        if (everyone) {
            return all;
        }
        List<AgentMetricsView> rows = all.agents().stream().filter(r -> includes(r.agentId(), teams)).toList();
        List<AlertView> alerts = all.alerts().stream()
                .filter(a -> a.agentId() == null || includes(a.agentId(), teams)).toList();
        List<Long> gone = all.agentsGone().stream().filter(id -> includes(id, teams)).toList();
        List<AgentRowChange> changes = all.agentChanges().stream().filter(c -> includes(c.agentId(), teams)).toList();
        return new SupervisorView(all.at(), all.queues(), rows, alerts, all.partial(), gone, changes);
    }
}
