package dev.switchboard.channels.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls to the listener for one conversation, run one at a time in the order they were added, on
 * whichever thread drains first. The gateway adds calls while it holds its lock (so the order is the
 * order things happened) and drains after letting go (so the listener may call back in).
 */
final class InOrder {
    private static final Logger LOG = LoggerFactory.getLogger(InOrder.class);

    private final Queue<Runnable> calls = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    void add(Runnable call) {
        calls.add(call);
    }

    void drain() {
        while (!calls.isEmpty() && running.compareAndSet(false, true)) {
            try {
                Runnable call;
                while ((call = calls.poll()) != null) {
                    try {
                        call.run();
                    } catch (RuntimeException e) {
                        LOG.warn("the chat listener failed", e);
                    }
                }
            } finally {
                running.set(false);
            }
        }
    }
}
