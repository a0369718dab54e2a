package dev.switchboard.desktop;

import dev.switchboard.client.ApiException;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.client.WriteQueuedException;

/** Turns a failed server call into a sentence for the agent. */
public final class ErrorText {
    private final Messages messages;
    private final String server;

    public ErrorText(Messages messages, String server) {
        this.messages = messages;
        this.server = server;
    }

    public String of(Throwable failure) {
        if (failure instanceof ApiException api && api.error() != null && api.error().message() != null) {
            return api.error().message();
        }
        if (failure instanceof WriteQueuedException) {
            return messages.get("error.queued");
        }
        if (failure instanceof ServerUnreachableException) {
            return messages.format("error.unreachable", server);
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return messages.format("error.unexpected", detail);
    }

    /** The field the server blamed, or null. */
    public static String field(Throwable failure) {
        return failure instanceof ApiException api && api.error() != null ? api.error().field() : null;
    }
}
