package dev.switchboard.server;

import dev.switchboard.domain.Role;
import dev.switchboard.store.AgentStore;

import dev.switchboard.domain.Agent;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The accounts a new installation starts with: one of each role for people to sign in with (their
 * passwords are shown on the login window of the embedded desktop) and the simulated colleagues who
 * take the rest of the traffic.
 */
public final class DemoAccounts {

    /** An account a person may sign in with. */
    public record Account(String username, String password, String displayName, Role role) {
    }

    public static final List<Account> PEOPLE = List.of(
            new Account("agent", "agent", "Alex Morgan", Role.AGENT),
            new Account("outbound", "outbound", "Sam Okafor", Role.OUTBOUND_AGENT),
            new Account("supervisor", "supervisor", "Priya Raman", Role.SUPERVISOR));

    static final List<String> SIMULATED = List.of("Jordan Ellis", "Maria Santos", "Tom Becker", "Aisha Khan",
            "Liam O'Connor", "Chloe Martin", "Noah Fischer", "Grace Liu");

    private DemoAccounts() {
    }

    /**
     * Creates the people's accounts when there are none yet, and as many simulated colleagues and
     * benchmark accounts as asked for that do not exist yet.
     */
    static void seed(AgentStore agents, int simulated, int bench) {
        List<Agent> existing = agents.all();
        if (existing.isEmpty()) {
            for (Account a : PEOPLE) {
                agents.insert(a.username(), a.displayName(), a.role(), AuthService.hash(a.password()), false);
            }
        }
        Set<String> names = existing.stream().map(Agent::username).collect(Collectors.toSet());
        for (int i = 1; i <= simulated; i++) {
            String username = String.format("sim%02d", i);
            if (!names.contains(username)) {
                String name = i <= SIMULATED.size() ? SIMULATED.get(i - 1) : "Colleague " + i;
                agents.insert(username, name, Role.AGENT, AuthService.NO_SIGN_IN, true);
            }
        }
        for (int i = 1; i <= bench; i++) {
            String username = String.format("bench%03d", i);
            if (!names.contains(username)) {
                agents.insert(username, "Bench Agent " + i, Role.AGENT, AuthService.hash(username), false);
            }
        }
    }
}
