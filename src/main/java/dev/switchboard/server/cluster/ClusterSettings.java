package dev.switchboard.server.cluster;

import java.time.Duration;

/**
 * How one node of a cluster is named and how the nodes tell that one of them is gone.
 *
 * @param nodeId    this node's name, unique among the nodes (null: one is made up)
 * @param heartbeat how often the node writes its heartbeat row, and looks for nodes that stopped
 * @param deadAfter a node silent for longer is taken for dead: long enough to ride out a
 *                  garbage-collection pause or a database fail-over, since a node taken for dead
 *                  while it still runs has its ringing offers made again elsewhere
 */
public record ClusterSettings(String nodeId, Duration heartbeat, Duration deadAfter) {
    public static final Duration HEARTBEAT = Duration.ofSeconds(2);
    public static final Duration DEAD_AFTER = Duration.ofSeconds(15);

    public ClusterSettings {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("the heartbeat must be positive: " + heartbeat);
        }
        if (deadAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("a node is taken for dead only after two heartbeats at least ("
                    + heartbeat.multipliedBy(2).toMillis() + " ms), not after " + deadAfter.toMillis() + " ms");
        }
    }

    /** The defaults: a heartbeat every {@code 2 s}, dead after {@code 15 s} of silence. */
    public static ClusterSettings of(String nodeId) {
        return new ClusterSettings(nodeId, HEARTBEAT, DEAD_AFTER);
    }

    public ClusterSettings withLiveness(Duration heartbeatEvery, Duration deadAfterSilence) {
        return new ClusterSettings(nodeId, heartbeatEvery, deadAfterSilence);
    }
}
