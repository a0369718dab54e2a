package dev.switchboard.desktop.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.switchboard.desktop.FxThread;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.domain.InteractionState;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * For the benchmark (P7): an agent working a shift at the desktop's main window, through its controls
 * only. Each offer is accepted with the card's Accept button once a pulse has drawn its card; after the
 * handle time the contact is picked in the contact list and ended with the card's End button; in
 * wrap-up it is picked again, a disposition chosen, a note typed and the panel's Submit button clicked.
 * One action per step (a step every few milliseconds: the shift is compressed). The controls are found by the views' ids and style classes
 * ({@code contacts-list}, {@code acceptButton}, {@code endButton}, {@code wrapup}, {@code dispositions},
 * {@code notes}, {@code submitButton}).
 *
 * <p>It prints one status line a second on standard output (counts, and the heap after the last
 * collection, from the JVM's own notifications, so nothing here makes the collector run).
 */
public final class ShiftWorker {
    /** Printed once the main window is found and the worker takes offers. */
    public static final String WORKING = "Switchboard shift: working";
    /** Prefix of the status lines; see {@link #statusLine()} for the fields. */
    public static final String STATUS = "Switchboard shift status: ";
    /** A click whose contact has not moved on after this long is made again. */
    private static final long RETRY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long STEP_MILLIS = 5;

    private final long handleNanos;
    private final Consumer<String> out;
    private final FxThread fx = new FxThread();
    private final AtomicBoolean stepQueued = new AtomicBoolean();
    private final Runnable afterLayout = this::afterLayout;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong drawn = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong gcs = new AtomicLong();
    private final AtomicLong gcMillis = new AtomicLong();
    private final AtomicLong majorGcs = new AtomicLong();
    private volatile long heapAfterGc = -1;
    private volatile int onDesk;

    // FX thread only
    private Scene scene;
    private ListView<ContactItem> contacts;
    private final Map<Long, Work> desk = new HashMap<>();
    private long wrapUps;

    /** Where the worker is with one contact on the desk. */
    private enum Step { OFFERED, ACCEPTING, ACTIVE, ENDING, WRAP_UP, SUBMITTED }

    private static final class Work {
        Step step;
        long activeSince;
        long clickedAt;
        boolean drawn;

        Work(Step step) {
            this.step = step;
        }
    }

    private ShiftWorker(Duration handle, Consumer<String> out) {
        this.handleNanos = handle.toNanos();
        this.out = out;
    }

    /**
     * Starts working the desktop's main window once it opens, on a thread of its own; the toolkit must
     * be started. {@code handle} is how long each contact is worked between accepting and ending it.
     */
    public static ShiftWorker start(Duration handle, Consumer<String> out) {
        ShiftWorker w = new ShiftWorker(handle, out);
        w.followCollections();
        Thread t = new Thread(() -> {
            try {
                w.run();
            } catch (Exception e) {
                out.accept("Switchboard shift failed: " + e);
            }
        }, "shift-worker");
        t.setDaemon(true);
        t.start();
        return w;
    }

    private void run() throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!FxThread.callAndWait(this::attach)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no main window within 10 minutes");
            }
            Thread.sleep(50);
        }
        out.accept(WORKING);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shift-worker-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::queueStep, STEP_MILLIS, STEP_MILLIS, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> out.accept(statusLine()), 1, 1, TimeUnit.SECONDS);
    }

    /** Finds the main window (its contact list); true once found. FX thread. */
    @SuppressWarnings("unchecked")
    private boolean attach() {
        for (Window w : Window.getWindows()) {
            Scene s = w.getScene();
            if (w.isShowing() && s != null && s.getRoot().lookup(".contacts-list") instanceof ListView<?> list
                    && s.getRoot().lookup("#acceptButton") != null) {
                scene = s;
                contacts = (ListView<ContactItem>) list;
                scene.addPostLayoutPulseListener(afterLayout);
                return true;
            }
        }
        return false;
    }

    /** The status line: what was done so far, and the heap. */
    String statusLine() {
        Runtime rt = Runtime.getRuntime();
        return STATUS + String.format(Locale.ROOT, "offered=%d drawn=%d accepted=%d ended=%d submitted=%d done=%d "
                        + "missed=%d dropped=%d retries=%d refused=%d onDesk=%d heapUsed=%d heapCommitted=%d "
                        + "heapAfterGc=%d heapMax=%d gcs=%d majorGcs=%d gcMillis=%d", offered.get(), drawn.get(),
                accepted.get(), ended.get(),
                submitted.get(), done.get(), missed.get(), dropped.get(), retries.get(), refused.get(), onDesk,
                rt.totalMemory() - rt.freeMemory(), rt.totalMemory(), heapAfterGc, rt.maxMemory(), gcs.get(),
                majorGcs.get(), gcMillis.get());
    }

    /** Heap in use after each collection, summed over the heap's pools, as the JVM reports it. */
    private void followCollections() {
        java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .map(java.lang.management.MemoryPoolMXBean::getName)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        NotificationListener listener = (Notification n, Object handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) n.getUserData());
            long used = 0;
            for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    used += e.getValue().getUsed();
                }
            }
            heapAfterGc = used;
            gcs.incrementAndGet();
            gcMillis.addAndGet(info.getGcInfo().getDuration());
            if (info.getGcAction().contains("major")) {
                majorGcs.incrementAndGet();
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }


    private void queueStep() {
        if (stepQueued.compareAndSet(false, true)) {
            fx.execute(() -> {
                try {
                    step();
                } catch (RuntimeException e) {
                    out.accept("Switchboard shift step failed: " + e);
                } finally {
                    stepQueued.set(false);
                }
            });
        }
    }

    /** After each pulse's layout: the offer the card shows has been drawn. FX thread. */
    private void afterLayout() {
        follow();
        ContactItem shown = contacts.getSelectionModel().getSelectedItem();
        Node accept = scene.getRoot().lookup("#acceptButton");
        if (shown != null && shown.state() == InteractionState.OFFERED && accept != null && accept.isVisible()) {
            Work w = desk.get(shown.interactionId());
            if (w != null && !w.drawn) {
                w.drawn = true;
                drawn.incrementAndGet();
            }
        }
    }

    /** Brings the worker's notes in line with the contact list: new offers, answers arrived, contacts gone. */
    private void follow() {
        long now = System.nanoTime();
        Map<Long, ContactItem> listed = new HashMap<>();
        for (ContactItem item : contacts.getItems()) {
            listed.put(item.interactionId(), item);
            Work w = desk.get(item.interactionId());
            if (w == null) {
                w = new Work(Step.OFFERED);
                desk.put(item.interactionId(), w);
                if (item.state() == InteractionState.OFFERED) {
                    offered.incrementAndGet();
                }
            }
            if (item.state() != InteractionState.OFFERED && w.activeSince == 0) {
                w.activeSince = now;
                if (w.step == Step.OFFERED || w.step == Step.ACCEPTING) {
                    w.step = Step.ACTIVE;
                }
            }
        }
        for (Iterator<Map.Entry<Long, Work>> it = desk.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Work> e = it.next();
            if (listed.containsKey(e.getKey())) {
                continue;
            }
            switch (e.getValue().step) {
                case SUBMITTED -> done.incrementAndGet();
                case OFFERED, ACCEPTING -> missed.incrementAndGet();
                default -> dropped.incrementAndGet();
            }
            it.remove();
        }
        onDesk = desk.size();
    }

    /** One action of the agent's, or none. FX thread. */
    private void step() {
        follow();
        long now = System.nanoTime();
        ContactItem shown = contacts.getSelectionModel().getSelectedItem();
        Parent root = scene.getRoot();
        // an offer first: it waits for nobody
        if (shown != null && shown.state() == InteractionState.OFFERED) {
            Work w = desk.get(shown.interactionId());
            if (w.step == Step.ACCEPTING && now - w.clickedAt > RETRY_NANOS && !shown.pendingProperty().get()) {
                w.step = Step.OFFERED;
                retries.incrementAndGet();
            }
            if (w.step == Step.OFFERED) {
                if (!w.drawn) {
                    fx.requestPulse();
                    return;
                }
                if (root.lookup("#acceptButton") instanceof Button accept && accept.isVisible() && !accept.isDisabled()) {
                    accept.fire();
                    w.step = Step.ACCEPTING;
                    w.clickedAt = now;
                    accepted.incrementAndGet();
                }
                return;
            }
        }
        for (ContactItem item : contacts.getItems()) {
            Work w = desk.get(item.interactionId());
            if (item.state() == InteractionState.OFFERED && w.step == Step.OFFERED && item != shown) {
                pick(item);
                return;
            }
        }
        for (ContactItem item : List.copyOf(contacts.getItems())) {
            Work w = desk.get(item.interactionId());
            if (item.state() != InteractionState.WRAP_UP) {
                continue;
            }
            boolean again = w.step == Step.SUBMITTED && now - w.clickedAt > RETRY_NANOS;
            if (w.step == Step.SUBMITTED && !again) {
                continue;
            }
            if (!ready(item)) {
                return;
            }
            Node panel = root.lookup(".wrapup");
            if (panel != null && panel.isVisible()
                    && root.lookup(".dispositions") instanceof ListView<?> list && !list.getItems().isEmpty()
                    && root.lookup("#submitButton") instanceof Button submit && !submit.isDisabled()) {
                list.getSelectionModel().clearSelection();
                list.getSelectionModel().select((int) (wrapUps++ % list.getItems().size()));
                if (root.lookup("#notes") instanceof TextArea notes) {
                    notes.setText("Handled in the shift, contact " + item.interactionId());
                }
                submit.fire();
                if (!submit.isDisabled()) {
                    refused.incrementAndGet(); // the panel said no before sending: looked at again next step
                    return;
                }
                if (again) {
                    retries.incrementAndGet();
                } else {
                    submitted.incrementAndGet();
                }
                w.step = Step.SUBMITTED;
                w.clickedAt = now;
            }
            return;
        }
        for (ContactItem item : List.copyOf(contacts.getItems())) {
            Work w = desk.get(item.interactionId());
            if (item.state() != InteractionState.ACTIVE || now - w.activeSince < handleNanos) {
                continue;
            }
            boolean again = w.step == Step.ENDING && now - w.clickedAt > RETRY_NANOS;
            if (w.step == Step.ENDING && !again) {
                continue;
            }
            if (!ready(item)) {
                return;
            }
            if (root.lookup("#endButton") instanceof Button end && end.isVisible() && !end.isDisabled()) {
                end.fire();
                if (again) {
                    retries.incrementAndGet();
                } else {
                    ended.incrementAndGet();
                }
                w.step = Step.ENDING;
                w.clickedAt = now;
            }
            return;
        }
    }

    /**
     * Makes {@code item} the one shown, clicking it in the list if it is not (the card and the wrap-up
     * panel follow the selection at once, so the click that follows acts on what the agent picked).
     */
    private boolean ready(ContactItem item) {
        if (contacts.getSelectionModel().getSelectedItem() != item) {
            pick(item);
        }
        return contacts.getSelectionModel().getSelectedItem() == item;
    }

    /** Clicks the contact in the list: the card shows it. */
    private void pick(ContactItem item) {
        contacts.getSelectionModel().select(item);
        fx.requestPulse();
    }
}
