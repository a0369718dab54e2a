package dev.switchboard.client.offline;

import dev.switchboard.client.HttpSwitchboardApi;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A desktop's offline layer in a process of its own, for {@link OfflineKillTest} to kill: signs in,
 * prints {@code READY}, waits for a line on stdin, then writes notes on a ticket, printing each note's
 * text as soon as the write returned (stored on this desktop, maybe already sent).
 *
 * <p>Arguments: server address, profiles folder, ticket id, how many notes.
 */
public final class OfflineChild {
    private OfflineChild() {
    }

    public static void main(String[] args) throws Exception {
        OfflineApi api = new OfflineApi(new HttpSwitchboardApi(args[0]), Path.of(args[1]), Clock.systemUTC(),
                Duration.ofMillis(500));
        long ticket = Long.parseLong(args[2]);
        int count = Integer.parseInt(args[3]);
        api.login("agent", "agent");
        api.ticket(ticket);
        System.out.print("READY\n");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (int i = 0; i < count; i++) {
            api.addNote(ticket, "note " + i);
            System.out.print("note " + i + "\n");
            System.out.flush();
        }
        System.out.print("DONE\n");
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await(); // goes on sending until it is killed
    }
}
