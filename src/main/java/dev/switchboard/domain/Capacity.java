package dev.switchboard.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much work an agent takes at once. Each channel has a maximum count, and each contact weighs
 * {@code total / max} of the agent's whole load, so channels share one budget: a call (max 1) fills
 * it alone and blocks everything else; two chats (of 3) and one e-mail (of 5) leave room for nothing
 * heavier than another e-mail. Counts are whole units of {@link #TOTAL} to avoid rounding.
 */
public record Capacity(Map<Channel, Integer> max) {
    /** The whole load, divisible by every default maximum. */
    public static final int TOTAL = 60;

    /** Voice 1 (exclusive), chat 3, e-mail 5, social 5. */
    public static final Capacity DEFAULT = new Capacity(Map.of(
            Channel.PHONE, 1, Channel.CHAT, 3, Channel.EMAIL, 5, Channel.SOCIAL, 5));

    public Capacity {
        EnumMap<Channel, Integer> copy = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            int m = max.getOrDefault(c, 0);
            if (m < 0 || m > TOTAL) {
                throw new IllegalArgumentException("capacity for " + c + " must be 0.." + TOTAL + ": " + m);
            }
            copy.put(c, m);
        }
        max = Map.copyOf(copy);
    }

    /** The part of the whole load one contact of this channel takes (TOTAL when it is exclusive). */
    public int weight(Channel channel) {
        int m = max.get(channel);
        return m == 0 ? TOTAL + 1 : TOTAL / m;
    }

    /** Whether one more contact of {@code channel} fits beside what the agent holds ({@code held} counts). */
    public boolean fits(Map<Channel, Integer> held, Channel channel) {
        int count = held.getOrDefault(channel, 0);
        if (count + 1 > max.get(channel)) {
            return false;
        }
        int load = 0;
        for (Channel c : CHANNELS) {
            Integer n = held.get(c);
            if (n != null && n > 0) {
                load += n * weight(c);
            }
        }
        return load + weight(channel) <= TOTAL;
    }

    private static final Channel[] CHANNELS = Channel.values();
}
