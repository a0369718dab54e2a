package dev.switchboard.channels.email;

import java.time.Duration;
import java.util.Objects;

/**
 * An IMAP support mailbox: its address, the server ({@code ssl}: IMAPS from the first byte), the
 * login, and how often to look for new mail when the server cannot announce it (no IDLE).
 */
public record Mailbox(String address, String host, int port, boolean ssl, String user, String password,
                      Duration pollEvery) {
    public Mailbox {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(host, "host");
        if (pollEvery == null || pollEvery.isNegative() || pollEvery.isZero()) {
            pollEvery = Duration.ofMinutes(1);
        }
    }

    /** Never shows the password (mailboxes end up in logs). */
    @Override
    public String toString() {
        return "Mailbox[" + address + " at " + host + ":" + port + (ssl ? " (ssl)" : "") + ", user " + user + "]";
    }
}
