package dev.switchboard.api;

/**
 * A supervisor changes a queue's priority (0 to 100; higher is served first when an agent could take
 * contacts from several queues).
 */
public record QueuePriorityRequest(Integer priority) {
}
