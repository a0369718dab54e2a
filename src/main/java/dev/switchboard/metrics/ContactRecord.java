package dev.switchboard.metrics;

import dev.switchboard.domain.Channel;

import java.time.Duration;
import java.time.Instant;

/**
 * One contact's pass through a queue: the raw facts every queue figure is recomputed from. A record
 * grows as the contact moves on (answered, talk ended, wrap-up finished); adding a later version of the
 * same interaction to {@link QueueStats} replaces the earlier one.
 *
 * @param answeredAt     when an agent answered; null if never answered
 * @param abandonedAt    when the customer left while waiting; null unless they did
 * @param talkEndAt      when the conversation ended (only after answering); null until then
 * @param wrapEndAt      when wrap-up finished (only after the talk ended); null until then
 * @param holdMillis     time on hold during the talk, included in the talk time
 * @param agentId        the agent who answered; null if none
 * @param transferredOut whether the agent transferred the contact away
 */
public record ContactRecord(long interactionId, long queueId, Channel channel, Instant queuedAt,
                            Instant answeredAt, Instant abandonedAt, Instant talkEndAt, Instant wrapEndAt,
                            long holdMillis, Long agentId, boolean transferredOut) {

    public ContactRecord {
        require(channel != null, "channel", "is required");
        require(queuedAt != null, "queuedAt", "is required");
        require(answeredAt == null || abandonedAt == null, "abandonedAt", "cannot be set on an answered contact");
        notBefore(answeredAt, "answeredAt", queuedAt, "queuedAt");
        notBefore(abandonedAt, "abandonedAt", queuedAt, "queuedAt");
        require(talkEndAt == null || answeredAt != null, "talkEndAt", "needs answeredAt");
        notBefore(talkEndAt, "talkEndAt", answeredAt, "answeredAt");
        require(wrapEndAt == null || talkEndAt != null, "wrapEndAt", "needs talkEndAt");
        notBefore(wrapEndAt, "wrapEndAt", talkEndAt, "talkEndAt");
        require(holdMillis >= 0, "holdMillis", "is negative");
        require(talkEndAt == null || holdMillis <= Duration.between(answeredAt, talkEndAt).toMillis(),
                "holdMillis", "is longer than the talk");
    }

    /** Answered by an agent. */
    public boolean answered() {
        return answeredAt != null;
    }

    /** The customer left while waiting. */
    public boolean abandoned() {
        return abandonedAt != null;
    }

    /** Wrap-up finished: the contact counts towards handle time. */
    public boolean handled() {
        return wrapEndAt != null;
    }

    /** Time in queue until answered or abandoned; null while still waiting. */
    public Duration waitTime() {
        Instant end = answeredAt != null ? answeredAt : abandonedAt;
        return end == null ? null : Duration.between(queuedAt, end);
    }

    /** Talk time, hold included; null until the talk ended. */
    public Duration talkTime() {
        return talkEndAt == null ? null : Duration.between(answeredAt, talkEndAt);
    }

    /** Wrap-up time; null until wrap-up finished. */
    public Duration wrapTime() {
        return wrapEndAt == null ? null : Duration.between(talkEndAt, wrapEndAt);
    }

    private static void notBefore(Instant t, String name, Instant ref, String refName) {
        require(t == null || ref == null || !t.isBefore(ref), name, "is before " + refName);
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(field + " " + problem);
        }
    }
}
