package dev.switchboard.client.offline;

import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.HelloEvent;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.api.TicketEvent;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.StreamEvent;

/**
 * The event stream for the offline layer: keeps what the events show in the desktop's copy, says
 * online or offline as the stream connects and drops, and when the server ended the session (idle,
 * or revoked) signs in again with the shift's credentials and resumes from the last event seen. A
 * gap the server can no longer replay arrives as {@link ResyncEvent}: the desktop's views reload,
 * and the copy is resynced in pages.
 */
final class ResumingSubscription implements EventSubscription, EventListener {
    private final OfflineApi api;
    private final EventListener listener;
    private volatile EventSubscription inner;
    private volatile long lastSeq;
    private volatile boolean closed;

    ResumingSubscription(OfflineApi api, long fromSeq, EventListener listener) {
        this.api = api;
        this.listener = listener;
        this.lastSeq = fromSeq;
        this.inner = api.server().subscribe(fromSeq, this);
    }

    @Override
    public void onEvent(StreamEvent event) {
        if (closed) {
            return;
        }
        if (event.seq() > 0) {
            lastSeq = event.seq();
        }
        api.reached();
        Object p = event.payload();
        if (p instanceof OfferEvent offer && offer.pop() != null) {
            api.remember(offer.pop());
        } else if (p instanceof InteractionEvent ie && ie.interaction() != null) {
            AgentView me = api.currentAgent();
            if (me != null && ie.interaction().agentId() != null && ie.interaction().agentId() == me.id()) {
                api.remember(ie.interaction());
            }
        } else if (p instanceof TicketEvent te && te.ticket() != null) {
            api.rememberIfHeld(te.ticket());
        } else if (p instanceof AgentStateEvent se) {
            AgentView me = api.currentAgent();
            if (me != null && se.agentId() == me.id()) {
                api.rememberMe(new AgentView(me.id(), me.username(), me.displayName(), me.role(), se.state(),
                        se.reasonCode(), se.since(), me.skills(), me.capacity()));
            }
        } else if (p instanceof ResyncEvent) {
            api.resyncHeld();
        } else if (p instanceof HelloEvent) {
            api.reached();
        }
        listener.onEvent(event);
    }

    @Override
    public void onConnected() {
        api.reached();
        listener.onConnected();
    }

    @Override
    public void onDisconnected(String reason) {
        api.lost(reason);
        listener.onDisconnected(reason);
    }

    @Override
    public void onSessionEnded() {
        if (closed) {
            return;
        }
        if (!api.canSignInAgain()) {
            listener.onSessionEnded();
            return;
        }
        Thread t = new Thread(this::signInAndResume, "event-stream-sign-in");
        t.setDaemon(true);
        t.start();
    }

    /** Signs in again, waiting for the server as long as it takes; then follows the stream from where it was. */
    private void signInAndResume() {
        long delay = 500;
        while (!closed) {
            if (!api.canSignInAgain()) {
                listener.onSessionEnded();
                return;
            }
            try {
                if (api.signInAgain()) {
                    synchronized (this) {
                        if (!closed) {
                            inner = api.server().subscribe(lastSeq, this);
                        }
                    }
                    return;
                }
            } catch (dev.switchboard.client.ServerUnreachableException e) {
                api.lost(e.getMessage());
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            delay = Math.min(10_000, delay * 2);
        }
    }

    @Override
    public long lastSeq() {
        return Math.max(lastSeq, inner.lastSeq());
    }

    @Override
    public boolean connected() {
        return inner.connected();
    }

    @Override
    public synchronized void close() {
        closed = true;
        inner.close();
    }
}
