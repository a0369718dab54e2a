package dev.switchboard.api;

import java.util.List;

/** The configured lists the desktop offers: queues, not-ready reasons, dispositions, agents to transfer to. */
public record ConfigView(List<QueueView> queues, List<CodeView> notReadyReasons, List<CodeView> dispositions,
                         List<AgentSummary> agents) {
}
