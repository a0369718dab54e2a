package dev.switchboard.server;

import dev.switchboard.channels.voice.Digest;
import dev.switchboard.channels.voice.SipSettings;
import dev.switchboard.domain.Role;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.RoutingStore;

import java.util.Map;

/**
 * A second inbound agent for tests that need a colleague to take offers: Kim Novak, with the skills
 * of sales and general calls but not billing. Her password and phone password are her username.
 * (The demo's outbound agent is reached by no queue, so tests cannot borrow that account.)
 */
final class InboundColleague {
    static final String USERNAME = "kim";

    private InboundColleague() {
    }

    /** Adds Kim to the server's agents, unless she is there already. */
    static String add(SwitchboardServer server) {
        AgentStore agents = new AgentStore(server.database().dataSource());
        if (agents.findByUsername(USERNAME).isEmpty()) {
            long id = agents.insert(USERNAME, "Kim Novak", Role.AGENT, AuthService.hash(USERNAME), false).id();
            new RoutingStore(server.database().dataSource()).setSkills(id, Map.of("sales", 5, "general", 3));
            agents.setPhoneHa1WhereMissing(Map.of(USERNAME, Digest.ha1(USERNAME, SipSettings.REALM, USERNAME)));
        }
        return USERNAME;
    }
}
