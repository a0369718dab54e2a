package dev.switchboard.channels.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.StoreClosedException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one support mailbox: on its own daemon thread it reads INBOX over IMAP(S), hands every
 * unseen mail to the {@link MailHandler} in arrival order and marks a mail seen only once the
 * handler has returned normally. A failing handler leaves the mail unseen and it is handed over
 * again after a pause; a mail that fails {@value #MAX_ATTEMPTS} times in a row is left unseen and
 * skipped until the watcher is restarted, so one poisonous mail cannot hold up the others for good.
 * Between rounds it waits with IMAP IDLE when the server offers it, otherwise it polls every
 * {@link Mailbox#pollEvery()}. A lost connection is retried with a growing pause (1 s up to 30 s),
 * one log line per failure.
 */
public final class MailboxWatcher implements AutoCloseable {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(MailboxWatcher.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /** RFC 2177: servers may drop a client idle for 30 minutes, so IDLE is renewed well before. */
    private static final Duration IDLE_RENEW = Duration.ofMinutes(10);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(15);
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private enum Outcome { HANDLED, FAILED, GAVE_UP }

    private final Mailbox box;
    private final MailHandler handler;
    private final boolean idleAllowed;
    private final Duration firstPause;
    private final Object lock = new Object();
    private final Map<Long, Integer> failures = new HashMap<>();
    private final Set<Long> skipped = new HashSet<>();
    private final AtomicLong idleRound = new AtomicLong();
    /** Renews each IDLE after a while; a round's timer is cancelled when the round ends. */
    private final java.util.concurrent.ScheduledThreadPoolExecutor renewals = renewalTimer();

    private boolean running;
    private Thread thread;
    private volatile IMAPFolder folder;
    private volatile boolean idling;
    private volatile boolean connected;
    private volatile boolean usingIdle;
    private volatile String lastError;
    private long uidValidity = -1;

    public MailboxWatcher(Mailbox box, MailHandler handler) {
        this(box, handler, true, Duration.ofSeconds(1));
    }

    /**
     * {@code idleAllowed} false polls even when the server offers IDLE; {@code firstPause} is the
     * first wait after a failure (it doubles up to 30 s).
     */
    MailboxWatcher(Mailbox box, MailHandler handler, boolean idleAllowed, Duration firstPause) {
        this.box = box;
        this.handler = handler;
        this.idleAllowed = idleAllowed;
        this.firstPause = firstPause;
    }

    /** Starts watching; the thread is a daemon named after the mailbox. */
    public void start() {
        synchronized (lock) {
            if (thread != null) {
                throw new IllegalStateException("already started: " + box.address());
            }
            running = true;
            thread = new Thread(this::run, "mailbox-" + box.address());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** True while INBOX is open. */
    public boolean connected() {
        return connected;
    }

    /** What went wrong last (connection, login or a handler), null after a clean connection. */
    public String lastError() {
        return lastError;
    }

    /** True when the open connection waits for mail with IDLE rather than polling. */
    public boolean usingIdle() {
        return usingIdle;
    }

    /** True while the watcher waits inside IDLE (for tests). */
    boolean idling() {
        return idling;
    }

    /** Stops the watcher: breaks off IDLE or a pause and waits for the thread to end. */
    @Override
    public void close() {
        renewals.shutdownNow();
        Thread t;
        synchronized (lock) {
            running = false;
            lock.notifyAll();
            t = thread;
        }
        IMAPFolder f = folder;
        if (f != null) {
            try {
                // ends a running IDLE at once; whatever the thread does next fails and it sees it must stop
                f.forceClose();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("closing {}: {}", box.address(), e.toString());
            }
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(JOIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("Mailbox {}: the watcher did not stop within {} s", box.address(), JOIN_TIMEOUT.toSeconds());
            }
        }
    }

    private boolean running() {
        synchronized (lock) {
            return running;
        }
    }

    private void run() {
        Duration pause = firstPause;
        while (running()) {
            IMAPStore store = null;
            try {
                store = connect();
                pause = firstPause;
                watch(folder);
            } catch (MessagingException | IOException | RuntimeException e) {
                if (!running()) {
                    break;
                }
                lastError = describe(e);
                LOG.warn("Mailbox {}: {}; trying again in {}", box.address(), lastError, readable(pause));
            } finally {
                connected = false;
                usingIdle = false;
                disconnect(store);
            }
            if (running()) {
                pauseFor(pause);
                pause = doubled(pause);
            }
        }
        LOG.debug("Mailbox {}: watcher stopped", box.address());
    }

    private IMAPStore connect() throws MessagingException {
        String protocol = box.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        props.put("mail." + protocol + ".timeout", String.valueOf(READ_TIMEOUT_MS));
        // fetching a body must not set \Seen: only a handled mail is marked seen
        props.put("mail." + protocol + ".peek", "true");
        if (box.ssl()) {
            props.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        IMAPStore store = (IMAPStore) Session.getInstance(props).getStore(protocol);
        try {
            store.connect(box.host(), box.port(), box.user(), box.password());
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    // covers mail the server reports just as IDLE starts, before it would wake us
                    if (idling) {
                        breakIdle(inbox);
                    }
                }
            });
            if (inbox.getUIDValidity() != uidValidity) {
                failures.clear();
                skipped.clear();
                uidValidity = inbox.getUIDValidity();
            }
            usingIdle = idleAllowed && store.hasCapability("IDLE");
            folder = inbox;
            connected = true;
            lastError = null;
            LOG.info("Mailbox {}: connected to {}:{}, waiting with {}", box.address(), box.host(), box.port(),
                    usingIdle ? "IDLE" : "polling every " + readable(box.pollEvery()));
            return store;
        } catch (MessagingException | RuntimeException e) {
            disconnect(store);
            throw e;
        }
    }

    private void watch(IMAPFolder inbox) throws MessagingException, IOException {
        Duration retry = firstPause;
        while (running()) {
            int countBefore = inbox.getMessageCount();
            boolean allHandled = handOverUnseen(inbox);
            if (!running()) {
                return;
            }
            if (!allHandled) {
                pauseFor(retry);
                retry = doubled(retry);
                continue;
            }
            retry = firstPause;
            if (inbox.getMessageCount() != countBefore) {
                continue; // mail arrived while we were busy
            }
            if (usingIdle) {
                idleOnce(inbox);
            } else {
                pauseFor(box.pollEvery());
            }
        }
    }

    /**
     * Hands over every unseen mail in order; false when the handler failed on one (the round stops
     * there). Mail is read and marked by its UID only (see {@link UidCommands}). A mail removed from
     * the mailbox meanwhile (by someone tidying it in their own mail client, say) is passed over:
     * before its handover it is simply gone, after it there is nothing left to mark.
     */
    private boolean handOverUnseen(IMAPFolder inbox) throws MessagingException, IOException {
        for (long uid : UidCommands.unseen(inbox)) {
            if (!running()) {
                return true;
            }
            if (skipped.contains(uid)) {
                continue;
            }
            UidCommands.Fetched fetched = UidCommands.fetch(inbox, uid);
            if (fetched == null) {
                LOG.info("Mailbox {}: UID {} was removed before it could be read; passing over it", box.address(), uid);
                failures.remove(uid);
                continue;
            }
            // the whole message in one fetch; parsing it needs no more round trips
            MimeMessage copy = new MimeMessage((Session) null, fetched.content());
            Outcome outcome = handOver(uid, copy, fetched.arrived());
            if (outcome == Outcome.FAILED) {
                return false;
            }
            if (outcome == Outcome.HANDLED) {
                failures.remove(uid);
                if (!UidCommands.markSeen(inbox, uid)) {
                    LOG.debug("Mailbox {}: UID {} was removed after it was handled", box.address(), uid);
                }
            }
        }
        return true;
    }

    private Outcome handOver(long uid, MimeMessage copy, Instant arrived) {
        String id = "UID " + uid;
        try {
            InboundMail mail = MailParser.parse(box.address(), copy, arrived);
            id = mail.messageId();
            handler.received(mail);
            return Outcome.HANDLED;
        } catch (Exception e) {
            int attempts = failures.merge(uid, 1, Integer::sum);
            lastError = "handling " + id + " failed: " + e;
            if (attempts >= MAX_ATTEMPTS) {
                skipped.add(uid);
                failures.remove(uid);
                LOG.error("Mailbox {}: mail {} failed {} times, leaving it unseen and skipping it: {}",
                        box.address(), id, attempts, e.toString());
                return Outcome.GAVE_UP;
            }
            LOG.warn("Mailbox {}: handling mail {} failed (attempt {}), it stays unseen: {}",
                    box.address(), id, attempts, e.toString());
            return Outcome.FAILED;
        }
    }

    private void idleOnce(IMAPFolder inbox) throws MessagingException {
        long round = idleRound.incrementAndGet();
        java.util.concurrent.ScheduledFuture<?> renewal = renewals.schedule(() -> {
            if (idling && idleRound.get() == round) {
                breakIdle(inbox);
            }
        }, IDLE_RENEW.toMillis(), TimeUnit.MILLISECONDS);
        idling = true;
        try {
            if (running()) {
                inbox.idle(true);
            }
        } finally {
            idling = false;
            renewal.cancel(false);
        }
    }

    private static java.util.concurrent.ScheduledThreadPoolExecutor renewalTimer() {
        java.util.concurrent.ScheduledThreadPoolExecutor timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mailbox-idle-renewal");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Any command on the folder from another thread ends IDLE first; a NOOP changes nothing else. */
    private void breakIdle(IMAPFolder inbox) {
        try {
            inbox.doCommand(p -> {
                p.noop();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Mailbox {}: waking from IDLE: {}", box.address(), e.toString());
        }
    }

    private void pauseFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        synchronized (lock) {
            long left;
            while (running && (left = end - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private static Duration doubled(Duration pause) {
        Duration next = pause.multipliedBy(2);
        return next.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : next;
    }

    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private void disconnect(IMAPStore store) {
        IMAPFolder f = folder;
        folder = null;
        try {
            if (f != null && f.isOpen()) {
                f.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Mailbox {}: closing INBOX: {}", box.address(), e.toString());
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Mailbox {}: closing the connection: {}", box.address(), e.toString());
        }
    }

    /** One readable line for the log and {@link #lastError()}. */
    private String describe(Exception e) {
        String where = box.host() + ":" + box.port();
        if (e instanceof AuthenticationFailedException) {
            return "the server " + where + " refused the login for " + box.user() + " (" + e.getMessage() + ")";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown mail server " + box.host();
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return "cannot reach " + where + " (" + t.getMessage() + ")";
            }
        }
        if (e instanceof FolderClosedException || e instanceof StoreClosedException) {
            return "the connection to " + where + " was lost (" + e.getMessage() + ")";
        }
        return "failed talking to " + where + ": " + e;
    }
}
