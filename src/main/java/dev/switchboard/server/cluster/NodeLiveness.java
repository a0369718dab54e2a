package dev.switchboard.server.cluster;

import dev.switchboard.store.ClusterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells the other nodes this node is alive, and deals with the ones that are not. Every
 * {@link ClusterSettings#heartbeat()} the node stamps its {@code cluster_node} row, then sweeps:
 *
 * <ul>
 *   <li>A contact offered by a node that is gone (silent for {@link ClusterSettings#deadAfter()},
 *   or without a row) goes back to its queue: one statement per contact, so that of several
 *   sweepers the row lock lets one through, announced as {@code w} like any contact that waits
 *   again. Every node puts it back in its router and one of their agents is offered it.</li>
 *   <li>Contacts the gone node's agents had accepted stay theirs: a handled contact is a
 *   conversation under way, which another agent could not pick up mid-sentence. Their desktops
 *   sign in to another node, and every node keeps those contacts for them ({@code d}), so they can
 *   end and wrap them up there.</li>
 *   <li>The gone node's row is then deleted; a node may start again under the same name, and gives
 *   back what its previous run had offered.</li>
 * </ul>
 *
 * A node stopped in order deletes its row itself, so its offers are given back at the next sweep
 * instead of after the silence. A node only paused past the timeout (not dead) finds its row gone
 * at its next heartbeat, says so in the log and writes it again; its ringing offers were made
 * elsewhere meanwhile, hence the generous default.
 */
final class NodeLiveness implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLiveness.class);

    /** What the node does itself when the sweep gives contacts back (it does not hear its own messages). */
    interface Sweeps {
        /** The contact waits again, as its row now says. */
        void waitsAgain(long interactionId);

        /** The node is gone: its agents' contacts in hand are kept for them here. */
        void nodeGone(String nodeId);
    }

    private final ClusterSettings settings;
    private final ClusterStore store;
    private final Sweeps sweeps;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-liveness");
        t.setDaemon(true);
        return t;
    });

    NodeLiveness(ClusterSettings settings, ClusterStore store, Sweeps sweeps) {
        this.settings = settings;
        this.store = store;
        this.sweeps = sweeps;
    }

    /**
     * Writes this node's row, gives back what an earlier run under the same name had offered (that
     * run is over, whatever the row says), then beats and sweeps until closed. Before the node takes
     * anything from the database, so its own recovery reads the contacts given back as waiting.
     */
    void start() {
        String self = settings.nodeId();
        store.register(self);
        int back = 0;
        for (ClusterStore.Offered o : store.offeredBy(self)) {
            if (store.giveBack(o, ClusterNode.CHANNEL, ClusterNode.message('w', self, String.valueOf(o.interactionId())))) {
                back++;
            }
        }
        if (!store.heldThrough(self).isEmpty()) {
            store.announce(ClusterNode.CHANNEL, ClusterNode.message('d', self, self));
        }
        if (back > 0) {
            LOG.info("node {} gave back {} contacts its previous run had offered", self, back);
        }
        long every = settings.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::tickQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("node {} could not beat or sweep; will retry: {}", settings.nodeId(), e.getMessage());
        }
    }

    /** One heartbeat, then one sweep. */
    void tick() {
        if (!store.beat(settings.nodeId())) {
            LOG.error("node {} was taken for dead by another node (silent for over {} s): the contacts it offered "
                    + "were given back to their queues; it counts as alive again from now", settings.nodeId(),
                    settings.deadAfter().toSeconds());
        }
        sweep();
    }

    /** Gives back the contacts gone nodes had offered, and forgets the nodes that fell silent. */
    void sweep() {
        String self = settings.nodeId();
        int back = 0;
        for (ClusterStore.Offered o : store.offeredByGoneNodes(self, settings.deadAfter())) {
            if (store.giveBack(o, ClusterNode.CHANNEL, ClusterNode.message('w', self, String.valueOf(o.interactionId())))) {
                back++;
                sweeps.waitsAgain(o.interactionId());
            }
        }
        if (back > 0) {
            LOG.warn("node {} gave back {} contacts offered by nodes that stopped", self, back);
        }
        List<String> silent = store.silentNodes(self, settings.deadAfter());
        for (String gone : silent) {
            if (store.forget(gone, settings.deadAfter(), ClusterNode.CHANNEL, ClusterNode.message('d', self, gone))) {
                LOG.warn("node {} took node {} for dead (silent for over {} s); its agents keep the contacts they hold",
                        self, gone, settings.deadAfter().toSeconds());
                sweeps.nodeGone(gone);
            }
        }
    }

    /**
     * Stops beating and deletes the row (an orderly stop), so the other nodes give back this node's
     * offers at their next sweep rather than after the silence, and keep its agents' contacts.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.leave(settings.nodeId(), ClusterNode.CHANNEL, ClusterNode.message('d', settings.nodeId(), settings.nodeId()));
        } catch (RuntimeException e) {
            LOG.warn("node {} could not sign off; the others will take it for dead after {} s: {}",
                    settings.nodeId(), settings.deadAfter().toSeconds(), e.getMessage());
        }
    }
}
