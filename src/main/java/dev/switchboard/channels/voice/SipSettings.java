package dev.switchboard.channels.voice;

import java.time.Duration;

/**
 * Where the gateway listens ({@code port} 0: a free one), where outside numbers are called (the
 * trunk, {@code host:port}; null: calls to numbers are refused), and how long an agent's phone may
 * ring before the call goes back to the queue.
 */
public record SipSettings(String host, int port, String trunk, Duration phoneRingTimeout) {
    public static final String REALM = "switchboard";

    public SipSettings {
        if (phoneRingTimeout == null) {
            phoneRingTimeout = Duration.ofSeconds(20);
        }
    }
}
