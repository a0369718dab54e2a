package dev.switchboard.channels.email;

import java.util.Objects;

/**
 * The SMTP server replies leave through: {@code ssl} is SMTPS from the first byte, {@code startTls}
 * upgrades a plain connection (and insists on it); {@code user} null sends without logging in.
 */
public record SmtpSettings(String host, int port, boolean ssl, boolean startTls, String user, String password) {
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + (ssl ? " (ssl)" : startTls ? " (starttls)" : "")
                + (user == null ? "" : ", user " + user) + "]";
    }
}
