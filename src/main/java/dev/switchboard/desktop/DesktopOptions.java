package dev.switchboard.desktop;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * How the launcher configures the desktop.
 *
 * @param serverLabel  shown on the login window (e.g. "Embedded server on 127.0.0.1:41234" or the URL)
 * @param demoAccounts offered on the login window; may be empty
 * @param theme        "light" or "dark"
 * @param notice       optional line shown on the login window (null if none)
 * @param signIn       filled into the first login window and, with a password, signed in at once (null if none)
 * @param queueUsable  told once, on the FX thread, at the first pulse after the first main window's queue
 *                     is loaded and its event stream connected, with the number of contacts shown (null if
 *                     nobody measures the start)
 */
public record DesktopOptions(String serverLabel, List<DemoAccount> demoAccounts, String theme, String notice,
                             SignIn signIn, IntConsumer queueUsable) {
    public DesktopOptions {
        demoAccounts = demoAccounts == null ? List.of() : List.copyOf(demoAccounts);
    }

    public DesktopOptions(String serverLabel, List<DemoAccount> demoAccounts, String theme, String notice) {
        this(serverLabel, demoAccounts, theme, notice, null, null);
    }

    /** Who signs in when the desktop starts; the password may be null (then the login window asks for it). */
    public record SignIn(String username, String password) {
        @Override
        public String toString() {
            return "SignIn[" + username + "]";
        }
    }
}
