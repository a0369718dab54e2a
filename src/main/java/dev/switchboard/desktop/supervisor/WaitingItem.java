package dev.switchboard.desktop.supervisor;

/**
 * A waiting contact as the waiting list shows it: "Phone", who, the subject, its queue, how long it has
 * waited ("1:35") and for which agent it is kept, if any.
 */
public record WaitingItem(long interactionId, String channel, String who, String subject, long queueId,
                          String queueName, String waited, String forAgent) {
}
