package dev.switchboard.api;

public record ResyncEvent(long fromSeq, long oldestAvailable) {
}
