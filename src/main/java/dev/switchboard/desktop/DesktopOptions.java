package dev.switchboard.desktop;

import java.util.List;

/**
 * How the launcher configures the desktop.
 *
 * @param serverLabel  shown on the login window (e.g. "Embedded server on 127.0.0.1:41234" or the URL)
 * @param demoAccounts offered on the login window; may be empty
 * @param theme        "light" or "dark"
 * @param notice       optional line shown on the login window (null if none)
 */
public record DesktopOptions(String serverLabel, List<DemoAccount> demoAccounts, String theme, String notice) {
    public DesktopOptions {
        demoAccounts = demoAccounts == null ? List.of() : List.copyOf(demoAccounts);
    }
}
