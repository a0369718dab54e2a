package dev.switchboard.routing;

import java.time.Instant;

/** What the dispatcher decided; the server carries each decision out (store, publish). */
public sealed interface Decision {

    /** Offer the interaction to the agent until {@code expiresAt}. */
    record Offer(long interactionId, long agentId, Instant offeredAt, Instant expiresAt) implements Decision {
    }

    /** Withdraw a standing offer; the interaction is waiting again (unless it was removed). */
    record Revoke(long interactionId, long agentId, RevokeReason reason) implements Decision {
    }

    /** The agent let an offer ring out: make them not ready so contacts stop ringing at an empty desk. */
    record AgentNoAnswer(long agentId) implements Decision {
    }
}
