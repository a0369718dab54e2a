package dev.switchboard.desktop.conversation;

import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What every conversation of a signed-in agent works with. {@code pause} waits between the retries of
 * an answer the server did not acknowledge; it runs on a background thread, never on the FX thread.
 */
public record ConversationTools(SwitchboardApi api, TaskRunner tasks, Messages messages, Formats formats,
                                ErrorText errors, Clock clock, Pause pause, Supplier<String> agentName) {

    /** Waits before the next attempt; tests pass one that does not wait. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;

        static Pause sleeping() {
            return d -> Thread.sleep(d.toMillis());
        }
    }
}
