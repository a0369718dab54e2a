package dev.switchboard.domain;

/**
 * What a person may do. Agents and outbound agents take contacts; supervisors watch and steer the
 * centre; administrators manage people, skills, queues, codes and campaigns, and may do what a
 * supervisor does.
 */
public enum Role {
    AGENT, OUTBOUND_AGENT, SUPERVISOR, ADMINISTRATOR;

    /** Whether this role signs in to routing and handles contacts. */
    public boolean takesContacts() {
        return this == AGENT || this == OUTBOUND_AGENT;
    }

    /** Whether this role sees the whole centre's queues and its supervisors' views and actions. */
    public boolean oversees() {
        return this == SUPERVISOR || this == ADMINISTRATOR;
    }
}
