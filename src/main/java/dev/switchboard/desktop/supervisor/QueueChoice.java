package dev.switchboard.desktop.supervisor;

/** A queue as the filters, the move and the priority dialogs offer it; a null id stands for all queues. */
public record QueueChoice(Long id, String name, int priority) {
}
