package dev.switchboard.desktop.bench;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.desktop.FxThread;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For the benchmark (P8): works a desktop's main window from outside, as an agent at the keyboard
 * would, through its scene graph only. It types into the search field and presses Enter, opens the
 * customer from the results with Enter, then reads the card's timeline: scrolls it a page at a time,
 * down and back up, and clicks "Load more" at its end. The controls are found by the views' style classes
 * ({@code search-field}, {@code search-list}, {@code timeline}, {@code load-more}).
 *
 * <p>Call from any thread but the FX thread; every look at the window hops there.
 */
public final class TimelineReader {
    private final FxThread fx = new FxThread();
    private final Set<Window> before;
    private final AtomicBoolean stepQueued = new AtomicBoolean();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong stepsSkipped = new AtomicLong();
    private final AtomicLong stepsMoved = new AtomicLong();
    private final AtomicLong loadClicks = new AtomicLong();
    private Parent root;
    /** Found once the card shows (looking them up every step would be work the agent's desktop never does). */
    private ListView<?> timeline;
    private VirtualFlow<?> flow;
    private Button loadMore;
    /** 1 while reading down, -1 while reading back up (FX thread only). */
    private int direction = 1;

    private TimelineReader(Set<Window> before) {
        this.before = before;
    }

    /** Notes the windows open now: the desktop opened next is the one {@link #attach} finds. */
    public static TimelineReader beforeOpening() {
        return new TimelineReader(FxThread.callAndWait(() -> Set.copyOf(Window.getWindows())));
    }

    /** Waits for a main window that was not open before. */
    public void attach(Duration timeout) throws Exception {
        root = waitFor(() -> {
            for (Window w : Window.getWindows()) {
                if (!before.contains(w) && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot().lookup(".search-field") != null) {
                    return w.getScene().getRoot();
                }
            }
            return null;
        }, timeout, "the desktop's main window");
    }

    /**
     * Searches for {@code query} and opens customer {@code customerId} from the results with Enter, then
     * waits for its timeline. When the timeline shows an error instead (its first page did not come in
     * time), the agent opens the customer again, up to {@code attempts} times in all. Returns the
     * attempts it took.
     */
    public int openCustomer(String query, long customerId, Duration timeout, int attempts) throws Exception {
        FxThread.callAndWait(() -> {
            TextField field = (TextField) root.lookup(".search-field");
            field.requestFocus();
            field.setText(query);
            field.fireEvent(new ActionEvent());
            return null;
        });
        for (int attempt = 1; ; attempt++) {
            waitFor(() -> {
                ListView<CustomerSummary> results = listView(".search-list");
                for (CustomerSummary c : results.getItems()) {
                    if (c.id() == customerId) {
                        results.requestFocus();
                        results.getSelectionModel().select(c);
                        results.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false,
                                false, false));
                        return true;
                    }
                }
                return null;
            }, timeout, "customer " + customerId + " among the search results");
            boolean shown = waitFor(() -> {
                ListView<?> list = listView(".timeline");
                Button more = (Button) root.lookup(".load-more");
                if (root.lookup("#timelineError") instanceof Label error && !error.getText().isEmpty()) {
                    return false;
                }
                if (list.getItems().isEmpty() || !more.isVisible() || more.isDisabled()
                        || !(list.lookup(".virtual-flow") instanceof VirtualFlow<?> f)) {
                    return null;
                }
                timeline = list;
                loadMore = more;
                flow = f;
                return true;
            }, timeout, "the customer's timeline with its Load more button");
            if (shown) {
                return attempt;
            }
            if (attempt == attempts) {
                throw new TimeoutException("the customer's timeline showed an error " + attempts + " times");
            }
        }
    }

    /**
     * Clicks "Load more" each time it can be clicked until the timeline holds {@code rows} rows, has no
     * more, or {@code limit} has passed; returns the rows it holds then.
     */
    public int loadUntil(int rows, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            int[] state = FxThread.callAndWait(() -> {
                Button more = loadMore;
                int held = timeline.getItems().size();
                if (held < rows && more.isVisible() && !more.isDisabled()) {
                    more.fire();
                    loadClicks.incrementAndGet();
                }
                return new int[] {held, more.isVisible() ? 1 : 0};
            });
            if (state[0] >= rows || state[1] == 0 || System.nanoTime() >= end) {
                return state[0];
            }
            Thread.sleep(10);
        }
    }

    /**
     * One step of reading, from a timer: the timeline scrolls by its own height, down and then, once
     * it reaches the end, back up, and so on. At the end "Load more" is clicked (when it can be: a
     * page may still be on its way). A step still waiting for the FX thread is not queued twice; the
     * step missed is counted instead.
     */
    public void step() {
        if (!stepQueued.compareAndSet(false, true)) {
            stepsSkipped.incrementAndGet();
            return;
        }
        fx.execute(() -> {
            try {
                steps.incrementAndGet();
                double page = Math.max(1, flow.getHeight());
                double moved = flow.scrollPixels(direction * page);
                if (Math.abs(moved) >= 1) {
                    stepsMoved.incrementAndGet();
                }
                if (Math.abs(moved) < page / 2) {
                    if (direction > 0 && loadMore.isVisible() && !loadMore.isDisabled()) {
                        loadMore.fire();
                        loadClicks.incrementAndGet();
                    }
                    direction = -direction;
                }
            } finally {
                stepQueued.set(false);
            }
        });
    }

    /** Rows the timeline holds now. */
    public int rows() {
        return FxThread.callAndWait(() -> timeline.getItems().size());
    }

    public long steps() {
        return steps.get();
    }

    /** Steps that scrolled the list (the others found it at an end and turned). */
    public long stepsMoved() {
        return stepsMoved.get();
    }

    public long stepsSkipped() {
        return stepsSkipped.get();
    }

    public long loadClicks() {
        return loadClicks.get();
    }

    @SuppressWarnings("unchecked")
    private <T> ListView<T> listView(String selector) {
        List<Node> found = root.lookupAll(selector).stream().filter(ListView.class::isInstance).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no list " + selector + " in the window");
        }
        return (ListView<T>) found.get(0);
    }

    /** Asks on the FX thread until the answer is not null. */
    private static <T> T waitFor(Callable<T> probe, Duration timeout, String what) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            T answer = FxThread.callAndWait(probe);
            if (answer != null) {
                return answer;
            }
            Thread.sleep(20);
        }
        throw new TimeoutException("waited " + timeout.toSeconds() + " s for " + what);
    }
}
