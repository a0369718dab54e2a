package dev.switchboard.desktop.main;

import dev.switchboard.domain.AgentState;

/**
 * One line of the state selector: the state and not-ready reason it stands for, its words, and
 * whether the agent can pick it (Busy and Wrap-up only say what the work decided). {@code pending}
 * marks "Not ready after this contact": asked for while busy, in force once the work is done.
 */
public record StateChoice(AgentState state, String reasonCode, String label, boolean choosable, boolean pending) {
}
