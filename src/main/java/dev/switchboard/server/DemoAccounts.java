package dev.switchboard.server;

import dev.switchboard.channels.voice.Digest;
import dev.switchboard.channels.voice.SipSettings;
import dev.switchboard.domain.Role;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.OrganisationStore;
import dev.switchboard.store.RoutingStore;

import dev.switchboard.domain.Agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
            new Account("supervisor", "supervisor", "Priya Raman", Role.SUPERVISOR),
            new Account("admin", "admin", "Robin Hale", Role.ADMINISTRATOR));

    static final List<String> SIMULATED = List.of("Jordan Ellis", "Maria Santos", "Tom Becker", "Aisha Khan",
            "Liam O'Connor", "Chloe Martin", "Noah Fischer", "Grace Liu");

    private DemoAccounts() {
    }

    /**
     * Creates the people's accounts when there are none yet, and as many simulated colleagues and
     * benchmark accounts as asked for that do not exist yet.
     */
    static void seed(AgentStore agents, RoutingStore routing, OrganisationStore organisation, int simulated, int bench,
                     long seed) {
        List<Agent> existing = agents.all();
        // a new demo centre works in one team of the default unit, the supervisor's
        Long team = existing.isEmpty() ? organisation.addTeam(DEMO_TEAM, organisation.defaultUnit()).id() : null;
        Set<String> present = existing.stream().map(Agent::username).collect(Collectors.toSet());
        // a demo centre made before administrators existed gets its administrator too
        boolean demoCentre = existing.isEmpty() || present.contains("agent") && present.contains("supervisor");
        for (Account a : PEOPLE) {
            if (demoCentre && !present.contains(a.username())) {
                Agent created = agents.insert(a.username(), a.displayName(), a.role(), AuthService.hash(a.password()),
                        false);
                joinTeam(agents, created, team);
                routing.setSkills(created.id(), switch (a.role()) {
                    case AGENT -> everySkill(5);
                    case OUTBOUND_AGENT -> Map.of("sales", 5, "general", 3);
                    case SUPERVISOR, ADMINISTRATOR -> Map.of();
                });
            }
        }
        Set<String> names = present;
        Random random = new Random(seed);
        for (int i = 1; i <= simulated; i++) {
            String username = String.format("sim%02d", i);
            if (!names.contains(username)) {
                String name = i <= SIMULATED.size() ? SIMULATED.get(i - 1) : "Colleague " + i;
                Agent created = agents.insert(username, name, Role.AGENT, AuthService.NO_SIGN_IN, true);
                joinTeam(agents, created, team);
                routing.setSkills(created.id(), colleagueSkills(i, random));
            }
        }
        for (int i = 1; i <= bench; i++) {
            String username = String.format("bench%03d", i);
            if (!names.contains(username)) {
                Agent created = agents.insert(username, "Bench Agent " + i, Role.AGENT, AuthService.hash(username), false);
                routing.setSkills(created.id(), everySkill(5));
            }
        }
        agents.setPhoneHa1WhereMissing(phonePasswords(simulated, bench));
    }

    /** The team of a new demo centre: everyone but the benchmark's accounts. */
    static final String DEMO_TEAM = "Front line";

    private static void joinTeam(AgentStore agents, Agent agent, Long team) {
        if (team != null && agent.role() != Role.ADMINISTRATOR) {
            agents.setTeam(agent.id(), team);
        }
    }

    /** Whether the account is one of the benchmark's ({@code bench001...}). */
    static boolean isBenchAccount(String username) {
        return username.matches("bench\\d{3,}");
    }

    /**
     * SIP phone passwords (as HA1): the people's are their login passwords; simulated colleagues'
     * and benchmark agents' are their usernames (their phones are simulated too).
     */
    static Map<String, String> phonePasswords(int simulated, int bench) {
        Map<String, String> ha1 = new LinkedHashMap<>();
        for (Account a : PEOPLE) {
            ha1.put(a.username(), Digest.ha1(a.username(), SipSettings.REALM, a.password()));
        }
        for (int i = 1; i <= simulated; i++) {
            String username = String.format("sim%02d", i);
            ha1.put(username, Digest.ha1(username, SipSettings.REALM, username));
        }
        for (int i = 1; i <= bench; i++) {
            String username = String.format("bench%03d", i);
            ha1.put(username, Digest.ha1(username, SipSettings.REALM, username));
        }
        return ha1;
    }

    /** The skills the demo queues ask for. */
    static final List<String> SKILLS = List.of("general", "billing", "tech", "sales", "chat", "email", "social");

    private static Map<String, Integer> everySkill(int level) {
        Map<String, Integer> all = new LinkedHashMap<>();
        SKILLS.forEach(s -> all.put(s, level));
        return all;
    }

    /**
     * Simulated colleagues cover every queue between them at levels 1–3, below the people's 5, so a
     * person at the desktop is offered what they are skilled for first.
     */
    private static Map<String, Integer> colleagueSkills(int n, Random random) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (String s : List.of("general", "chat", "email", "social")) {
            skills.put(s, 1 + random.nextInt(3));
        }
        skills.put(List.of("billing", "tech", "sales").get(n % 3), 1 + random.nextInt(3));
        skills.put(List.of("billing", "tech", "sales").get((n + 1) % 3), 1 + random.nextInt(3));
        return skills;
    }
}
