package dev.switchboard.desktop.supervisor;

/** An alert as listed: the server's sentence, whether it is critical (else a warning). */
public record AlertItem(String text, boolean critical) {
}
