package dev.switchboard.server.cluster;

import dev.switchboard.api.ScreenPop;
import dev.switchboard.domain.Interaction;

/**
 * What the work distributor asks of the other nodes serving the same contact centre. Every node
 * keeps every waiting contact in its router but only its own signed-in agents; before it offers a
 * contact it claims it in the shared database, so at most one node offers a contact at a time.
 * {@link #SINGLE} is the one-node server: every claim succeeds and there is nobody to tell.
 *
 * <p>Called on the distributor's thread; each call is one short database round trip at most.
 */
public interface ClusterRouting {

    /** One node alone: no claims to make, nobody to tell. */
    ClusterRouting SINGLE = new ClusterRouting() {
    };

    /** Whether other nodes share the contacts (and the distributor must claim and announce). */
    default boolean shared() {
        return false;
    }

    /**
     * Claims a waiting contact for an offer to one of this node's agents; true when this node now
     * holds it (the row moved from QUEUED to OFFERED for that agent), false when another node took
     * it first (this node drops it).
     */
    default boolean claim(Interaction offered) {
        return true;
    }

    /**
     * The contact waits (again) in its queue: its row is written as {@code queued} (unless another
     * agent than {@code previousAgent} holds it by now) and the other nodes are told, so their agents
     * may take it. Returns false when the row belonged to someone else and nothing was written.
     */
    default boolean waiting(Interaction queued, Long previousAgent) {
        return true;
    }

    /** The contact left routing on this node (abandoned, scheduled for later): the others drop it. */
    default void left(long interactionId) {
    }

    /**
     * A queue was added or changed here (stored already): the other nodes read it into their
     * routers. A failure to tell them is logged, not thrown; the change holds here.
     */
    default void queueChanged(long queueId) {
    }

    /** The screen-pop of a contact that arrived on another node, built when this node offers it. */
    default ScreenPop popOf(Interaction interaction) {
        return null;
    }
}
