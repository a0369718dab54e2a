package dev.switchboard.client.outbox;

import java.nio.file.Path;
import java.util.Map;

/**
 * A process for {@link OutboxKillTest} to kill: adds entries to the outbox named by its first argument
 * and prints each entry's id, one a line, as soon as {@link Outbox#add} has returned.
 */
public final class OutboxChild {
    private OutboxChild() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[1]);
        Outbox outbox = Outbox.open(Path.of(args[0]));
        for (int i = 0; i < count; i++) {
            OutboxEntry e = outbox.add("POST", "/api/v1/tickets/1/notes", Map.of("body", "note " + i), "note " + i);
            // one write per line, so a kill leaves whole lines or a cut-off tail the parent ignores
            System.out.print(e.id() + "\n");
            System.out.flush();
        }
        outbox.close();
    }
}
