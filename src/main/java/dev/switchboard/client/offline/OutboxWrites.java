package dev.switchboard.client.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.api.ApiError;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.client.TicketConflict;
import dev.switchboard.client.outbox.OutboxEntry;
import dev.switchboard.client.outbox.OutboxSender;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Writes through the agent's outbox: stored first, sent in order by the profile's sender, and the
 * caller waits a little for the server's answer. Also what the sender reports (answers kept in the
 * copy, refusals, waiting), the three-way merge of ticket changes refused because a colleague changed
 * the ticket first, and the conflicts that wait for the agent.
 */
final class OutboxWrites {
    private final Supplier<Profile> profile;
    private final KeptCopy copy;
    private final SyncState state;
    private final HttpSwitchboardApi server;
    private final ObjectMapper json;
    private final Duration wait;
    private final java.time.Clock clock;
    private final Consumer<AgentView> me;
    private final Runnable reached;
    private final Consumer<String> lost;
    private final Runnable signInAgain;
    private final Consumer<OutboxEntry> mergeLater;
    /** Callers waiting for a write's answer, by the write's idempotency key. */
    private final Map<String, CompletableFuture<Outcome>> waiters = new ConcurrentHashMap<>();
    /** Refused ticket changes being merged, by the refused write's key: what became of each. */
    private final Map<String, CompletableFuture<Merge>> merges = new ConcurrentHashMap<>();
    private final Map<Long, TicketConflict> conflicts = new ConcurrentHashMap<>();
    /** Per ticket, the versions this desktop's own writes moved it on from (each write adds one). */
    private final Map<Long, Set<Long>> ownSteps = new ConcurrentHashMap<>();
    /** Held while a write's answer or its stand-in goes into the copy, so the stand-in never wins. */
    private final Object answers = new Object();

    /** A write queued by an agent who cannot be shown a result yet: shown as what it will be. */
    @FunctionalInterface
    interface Placeholder<T> {
        T apply(long placeholderId);
    }

    /** How a write ended for the caller waiting on it. */
    private sealed interface Outcome {
        record Sent(String json) implements Outcome {
        }

        record Refused(int status, String message, String json) implements Outcome {
        }

        record Queued() implements Outcome {
        }
    }

    /**
     * What became of a refused ticket change: merged and sent again under {@code key} (its answer
     * comes to {@code answer}), nothing left to send ({@code key} null), or a clash for the agent.
     */
    private record Merge(String key, CompletableFuture<Outcome> answer, TicketView theirs, boolean clash) {
    }

    /** The parts of the offline layer a write touches. */
    record Parts(Supplier<Profile> profile, KeptCopy copy, SyncState state, HttpSwitchboardApi server,
                 ObjectMapper json, Duration answerWait, java.time.Clock clock, Consumer<AgentView> me, Runnable reached,
                 Consumer<String> lost, Runnable signInAgain, Consumer<OutboxEntry> mergeLater) {
    }

    OutboxWrites(Parts parts) {
        this.profile = parts.profile();
        this.copy = parts.copy();
        this.state = parts.state();
        this.server = parts.server();
        this.json = parts.json();
        this.wait = parts.answerWait();
        this.clock = parts.clock();
        this.me = parts.me();
        this.reached = parts.reached();
        this.lost = parts.lost();
        this.signInAgain = parts.signInAgain();
        this.mergeLater = parts.mergeLater();
    }

    /** The sender's view of an entry just before it goes: placeholders swapped, own ticket versions followed. */
    /**
     * What {@code e} is sent as. A ticket change's version is walked past this desktop's own writes
     * answered so far; the server walks it past those ahead of it in the same batch.
     */
    OutboxEntry prepare(ProvisionalIds ids, OutboxEntry e) {
        return ownVersion(ids.prepare(e));
    }

    OutboxSender.Listener listener() {
        return new SenderListener();
    }

    /** Another agent's profile takes over: nothing of this one's is kept in memory. */
    void forget() {
        conflicts.clear();
        ownSteps.clear();
    }

    List<TicketConflict> conflicts() {
        return conflicts.values().stream().sorted(Comparator.comparingLong(TicketConflict::id)).toList();
    }

    boolean isConflict(long entryId) {
        return conflicts.containsKey(entryId);
    }

    /** The agent decided a conflict: it leaves the list; {@code merged} (if any) goes out. */
    void resolve(TicketConflict conflict, TicketUpdateRequest merged) {
        Profile p = profile.get();
        if (p == null || conflicts.remove(conflict.id()) == null) {
            return;
        }
        p.outbox().dismiss(conflict.id());
        if (merged != null) {
            p.outbox().add("PATCH", "/api/v1/tickets/" + conflict.ticketId(), merged,
                    "Merged change to ticket T-" + conflict.ticketId(), conflict.theirs());
            p.sender().wake();
        }
        state.changed();
    }

    /**
     * Stores the write in the outbox, wakes the sender, and waits a little for the server's answer:
     * its result, its refusal (thrown as {@link ApiException}), or, when the server does not answer
     * in time, {@code queued} with the placeholder id of this entry. A ticket change refused because a
     * colleague changed the ticket first is merged (by the background) and the merged change's answer
     * is the answer; a clash is thrown as the 409 and waits for the agent as a conflict.
     */
    <T> T write(String method, String path, Object body, String description, Object context, Class<T> type,
                Supplier<T> direct, Placeholder<T> queued) {
        Profile p = profile.get();
        if (p == null) {
            return direct.get();
        }
        String key = UUID.randomUUID().toString();
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        waiters.put(key, answer); // listening before the sender can see the entry
        OutboxEntry e;
        try {
            e = p.outbox().add(method, path, body, description, context, key);
        } catch (RuntimeException failed) {
            waiters.remove(key);
            throw failed;
        }
        state.changed();
        p.sender().wake();
        Outcome outcome = await(key, answer);
        while (outcome instanceof Outcome.Refused r && isVersionConflict(e, r.status, r.json)) {
            Merge merge = awaitMerge(key);
            if (merge == null) {
                outcome = new Outcome.Queued(); // merged later, or a conflict for the agent
                break;
            }
            if (merge.clash) {
                throw new ApiException(r.status, error(r));
            }
            if (merge.key == null) {
                return type.cast(merge.theirs); // both sides arrived at the same ticket
            }
            key = merge.key;
            outcome = await(key, merge.answer);
        }
        if (outcome instanceof Outcome.Sent sent && !blank(sent.json)) {
            return copy.parse(sent.json, type);
        }
        if (outcome instanceof Outcome.Refused refused) {
            throw new ApiException(refused.status, error(refused));
        }
        synchronized (answers) {
            // the answer may have come just now: then it is the answer, not a stand-in
            // (or it came without a body: applied, and shown as the stand-in until the record is read again)
            OutboxEntry now = p.outbox().entry(e.id()).orElse(e);
            String answered = now.state() == OutboxEntry.State.SENT && e.key().equals(key)
                    ? p.outbox().response(e.id()).orElse("") : "";
            return blank(answered) ? queued.apply(ProvisionalIds.placeholder(e.id())) : copy.parse(answered, type);
        }
    }

    /** The write's answer if it comes within the wait (at once when offline), else Queued. */
    private Outcome await(String key, CompletableFuture<Outcome> answer) {
        Outcome outcome;
        try {
            outcome = state.online() ? answer.get(wait.toMillis(), TimeUnit.MILLISECONDS) : answer.getNow(null);
        } catch (TimeoutException | ExecutionException ex) {
            outcome = null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            outcome = null;
        }
        if (outcome == null && !answer.complete(new Outcome.Queued())) {
            outcome = answer.join(); // the answer came just as the wait ended
        }
        waiters.remove(key);
        return outcome == null ? new Outcome.Queued() : outcome;
    }

    private Merge awaitMerge(String refusedKey) {
        CompletableFuture<Merge> merge = merges.get(refusedKey);
        if (merge == null) {
            return null;
        }
        try {
            return merge.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException ex) {
            return null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            merges.remove(refusedKey);
        }
    }

    private boolean isVersionConflict(OutboxEntry e, int status, String responseJson) {
        if (status != 409 || !"PATCH".equals(e.method())) {
            return false;
        }
        Matcher m = KeptCopy.TICKET_PATH.matcher(e.path());
        return m.matches() && m.group(2) == null && "version_conflict".equals(errorCode(responseJson));
    }

    private String errorCode(String responseJson) {
        if (responseJson == null) {
            return null;
        }
        try {
            ApiError error = json.readValue(responseJson, ApiError.class);
            return error == null ? null : error.error();
        } catch (IOException notOurs) {
            return null;
        }
    }

    private ApiError error(Outcome.Refused r) {
        if (r.json != null) {
            try {
                ApiError e = json.readValue(r.json, ApiError.class);
                if (e != null && e.error() != null) {
                    return e;
                }
            } catch (IOException ignored) {
                // not our JSON
            }
        }
        return new ApiError("refused", r.message, null);
    }

    /**
     * A ticket change carries the version the agent saw. When only this desktop's own earlier writes
     * (a note, another change) moved the ticket on since, nobody else changed it: the change is sent
     * against the version those writes left, instead of being refused and merged.
     */
    private OutboxEntry ownVersion(OutboxEntry e) {
        if (!"PATCH".equals(e.method()) || e.bodyJson() == null) {
            return e;
        }
        Matcher m = KeptCopy.TICKET_PATH.matcher(e.path());
        if (!m.matches() || m.group(2) != null) {
            return e;
        }
        Set<Long> steps = ownSteps.get(Long.parseLong(m.group(1)));
        if (steps == null) {
            return e;
        }
        TicketUpdateRequest r = copy.parse(e.bodyJson(), TicketUpdateRequest.class);
        if (r.version() == null) {
            return e;
        }
        long v = r.version();
        while (steps.contains(v)) {
            v++;
        }
        if (v == r.version()) {
            return e;
        }
        try {
            String body = json.writeValueAsString(new TicketUpdateRequest(r.subject(), r.status(), r.priority(), v,
                    r.linkInteractionId()));
            return new OutboxEntry(e.id(), e.key(), e.method(), e.path(), body, e.description(), e.createdAt(),
                    e.attempts(), e.state(), e.lastError(), e.nextAttemptAt());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            return e;
        }
    }

    private void ownStep(TicketView t) {
        if (t != null) {
            ownSteps.computeIfAbsent(t.id(), k -> ConcurrentHashMap.newKeySet()).add(t.version() - 1);
        }
    }

    /** The ticket a ticket write was answered with; null for other writes, an empty or unreadable answer. */
    private TicketView ticketAnswer(OutboxEntry e, String responseJson) {
        if (!KeptCopy.TICKET_PATH.matcher(e.path()).matches() || blank(responseJson)) {
            return null;
        }
        try {
            return copy.parse(responseJson, TicketView.class);
        } catch (RuntimeException unreadable) {
            return null; // the copy is left as it is; rememberAnswer says why
        }
    }

    private static boolean blank(String json) {
        return json == null || json.isBlank();
    }

    /** What the sender reports, on its own thread. */
    private final class SenderListener implements OutboxSender.Listener {
        @Override
        public void answers(Runnable answers) {
            if (copy.held()) {
                copy.cache().together(answers);
            } else {
                answers.run();
            }
        }

        @Override
        public void sent(OutboxEntry e, int status, String responseJson) {
            reached.run();
            synchronized (answers) {
                TicketView ticket = ticketAnswer(e, responseJson); // read once, for both
                copy.keep(() -> ownStep(ticket));
                copy.keep(() -> copy.rememberAnswer(e, responseJson, ticket, me));
            }
            CompletableFuture<Outcome> w = waiters.get(e.key());
            if (w != null) {
                w.complete(new Outcome.Sent(responseJson));
            }
            state.changed();
        }

        @Override
        public void moved(OutboxEntry e, long ticketId, long version) {
            ownSteps.computeIfAbsent(ticketId, k -> ConcurrentHashMap.newKeySet()).add(version - 1);
        }

        @Override
        public void failed(OutboxEntry e, int status, String message, String responseJson) {
            reached.run();
            if (isVersionConflict(e, status, responseJson)) {
                merges.putIfAbsent(e.key(), new CompletableFuture<>()); // before the caller hears of the 409
                mergeLater.accept(e);
            }
            CompletableFuture<Outcome> w = waiters.get(e.key());
            if (w != null) {
                w.complete(new Outcome.Refused(status, message, responseJson));
            }
            state.changed();
        }

        @Override
        public void waiting(int pending, String lastError) {
            if (lastError != null && lastError.startsWith("no answer")) {
                lost.accept(lastError);
            } else if (lastError != null && lastError.startsWith("HTTP 401")) {
                signInAgain.run();
            }
            // whoever waits on a write now sees it queued
            waiters.values().forEach(w -> w.complete(new Outcome.Queued()));
            state.changed();
        }
    }

    /**
     * A ticket change the server refused with 409 because the ticket moved on: fetches the ticket as
     * it is now and merges three ways against the ticket as the agent saw it (stored with the entry;
     * without it, every field that differs is the agent's to choose). What merges on its own is sent
     * again at once; a clash waits for the agent as a conflict. Runs on the background thread; throws
     * {@link ServerUnreachableException} to be tried again later.
     */
    void onConflict(OutboxEntry e) {
        Profile p = profile.get();
        Matcher m = KeptCopy.TICKET_PATH.matcher(e.path());
        if (p == null || !m.matches() || conflicts.containsKey(e.id())
                || p.outbox().failed().stream().noneMatch(f -> f.id() == e.id())) {
            merges.remove(e.key());
            return; // gone, put away by the agent, or already waiting for them
        }
        long ticketId = Long.parseLong(m.group(1));
        TicketUpdateRequest mine = copy.parse(e.bodyJson(), TicketUpdateRequest.class);
        TicketView base = p.outbox().context(e.id()).map(c -> copy.parse(c, TicketView.class)).orElse(null);
        TicketView theirs = server.ticket(ticketId);
        copy.remember(theirs);
        TicketConflict merge = TicketConflict.merge(e.id(), base, theirs, mine);
        Merge outcome;
        if (merge.fields().isEmpty()) {
            TicketUpdateRequest merged = merge.resolve(Map.of());
            p.outbox().dismiss(e.id());
            if (merged != null) {
                String key = UUID.randomUUID().toString();
                CompletableFuture<Outcome> answer = new CompletableFuture<>();
                waiters.put(key, answer);
                p.outbox().add("PATCH", e.path(), merged, e.description() + " (merged)", theirs, key);
                p.sender().wake();
                outcome = new Merge(key, answer, theirs, false);
            } else {
                outcome = new Merge(null, null, theirs, false);
            }
        } else {
            conflicts.put(e.id(), merge);
            outcome = new Merge(null, null, theirs, true);
        }
        CompletableFuture<Merge> waiting = merges.get(e.key());
        if (waiting == null || !waiting.complete(outcome)) {
            merges.remove(e.key());
            if (outcome.answer != null) {
                waiters.remove(outcome.key); // nobody waits for the merged change: it goes out with the rest
            }
        }
        state.changed();
    }

    /** Ticket changes refused for a colleague's change in an earlier run, not put away: to merge again. */
    List<OutboxEntry> refusedTicketChanges() {
        Profile p = profile.get();
        if (p == null) {
            return List.of();
        }
        List<OutboxEntry> refused = new ArrayList<>();
        for (OutboxEntry e : p.outbox().failed()) {
            if (isVersionConflict(e, 409, p.outbox().response(e.id()).orElse(null))) {
                refused.add(e);
            }
        }
        return refused;
    }

    /**
     * The agent's work as it will be once the waiting writes are sent: a contact ended on this desktop
     * is in wrap-up, one wrapped up is finished, even while the server still has them as they were.
     */
    List<ScreenPop> withPending(List<ScreenPop> work) {
        Profile p = profile.get();
        if (p == null || work == null || p.outbox().pendingCount() == 0) {
            return work;
        }
        java.util.Set<Long> ended = new java.util.HashSet<>();
        java.util.Set<Long> finished = new java.util.HashSet<>();
        for (OutboxEntry e : p.outbox().pending()) {
            Matcher m = KeptCopy.INTERACTION_PATH.matcher(e.path());
            if (m.matches()) {
                long id = Long.parseLong(m.group(1));
                if ("wrap-up".equals(m.group(2))) {
                    finished.add(id);
                } else if ("end".equals(m.group(2))) {
                    ended.add(id);
                }
            }
        }
        List<ScreenPop> shown = new ArrayList<>();
        for (ScreenPop pop : work) {
            InteractionView i = pop.interaction();
            if (i != null && finished.contains(i.id())) {
                continue;
            }
            if (i != null && ended.contains(i.id()) && i.state() == InteractionState.ACTIVE) {
                pop = new ScreenPop(Optimistic.ended(i, clock.instant()), pop.match(), pop.customer(), pop.candidates(),
                        pop.openTickets(), pop.recent());
            }
            shown.add(pop);
        }
        return shown;
    }
}
