package dev.switchboard.server.sim;

import dev.switchboard.domain.Agent;
import dev.switchboard.domain.ContactQueue;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.RoutingStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark's contact centre (DESIGN P2): many queues, each needing one or two of 50 skills,
 * and agents with ten of those skills at levels 1–10, so routing has real choices to make.
 */
public final class BenchCentre {
    static final String PREFIX = "Bench ";
    private static final int SKILLS = 50;
    private static final int SKILLS_PER_AGENT = 10;

    private BenchCentre() {
    }

    /** Creates the queues and gives simulated and benchmark agents their skills, once. */
    public static void seed(RoutingStore routing, AgentStore agents, int queues, long seed) {
        if (queues <= 0 || routing.queues().stream().anyMatch(q -> q.name().startsWith(PREFIX))) {
            return;
        }
        Random random = new Random(seed);
        for (int q = 1; q <= queues; q++) {
            Set<String> need = new TreeSet<>();
            need.add("s" + random.nextInt(SKILLS));
            if (random.nextBoolean()) {
                need.add("s" + random.nextInt(SKILLS));
            }
            routing.insertQueue(String.format("%s%03d", PREFIX, q), need, random.nextInt(3), 80, 20, 20, false, 5);
        }
        for (Agent a : agents.all()) {
            if (a.simulated() || a.username().startsWith("bench")) {
                Map<String, Integer> skills = new HashMap<>();
                while (skills.size() < SKILLS_PER_AGENT) {
                    skills.put("s" + random.nextInt(SKILLS), 1 + random.nextInt(10));
                }
                routing.setSkills(a.id(), skills);
            }
        }
    }

    /** The benchmark's queues among these, or none. */
    public static List<Long> queueIds(List<ContactQueue> queues) {
        return queues.stream().filter(q -> q.name().startsWith(PREFIX)).map(ContactQueue::id).toList();
    }
}
