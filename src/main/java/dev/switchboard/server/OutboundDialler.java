package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.OutboundDialView;
import dev.switchboard.api.OutboundSeatView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.Campaign;
import dev.switchboard.domain.outbound.DialDecision;
import dev.switchboard.domain.outbound.DialRules;
import dev.switchboard.domain.outbound.DialStats;
import dev.switchboard.domain.outbound.DiallingMode;
import dev.switchboard.domain.outbound.PacerInput;
import dev.switchboard.domain.outbound.PacingDecision;
import dev.switchboard.domain.outbound.PredictivePacer;
import dev.switchboard.store.CampaignRecordStore;
import dev.switchboard.store.CampaignRecordStore.Stored;
import dev.switchboard.store.CampaignStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dialler of PROGRESSIVE and PREDICTIVE campaigns. Outbound agents take a seat on a campaign;
 * once a second, for each campaign with seats, the {@link PredictivePacer} says how many lines to
 * dial from the ready agents, the agents finishing a call, the calls ringing, the measured handle
 * time and the campaign's rolling {@link DialStats}. Progressive is one line per ready agent not yet
 * covered by a ringing call; predictive dials more only while the abandon rate leaves room under the
 * campaign's limit.
 *
 * <p>Each record is claimed (dialled, held by no agent) with its DIAL line in one transaction before
 * the call is placed, after {@link DialChecks} said yes — the same checks the preview loop asks, so a
 * listed number or a closed calling window is never dialled here either. A call answered is given to
 * the ready agent who has waited longest: the record is then held by them as if they had dialled it,
 * the call is theirs (an {@code outbound.call} event brings it to their desktop), and their result
 * frees their seat again. It counts as connected once their phone answers within {@link
 * #ABANDON_AFTER} of the customer; later, or not at all, it counts as abandoned (the customer heard
 * silence), as does an answered call no agent took within that time (it is hung up) and a customer
 * who hangs up waiting. Unanswered calls count BUSY, NO_ANSWER or FAILED. Each result goes through the
 * campaign's retry rules with its RESULT line.
 *
 * <p>All of the dialler's state is kept by one thread: requests and voice events are handed to it, so
 * nothing here needs a lock and voice threads never wait on the database. Each turn looks at a
 * bounded number of records, and answered calls are seen to before any dialling. A seat not renewed
 * for {@link #SEAT_LAPSES} (a desktop closed without leaving) counts no more; calls still ringing for
 * a campaign with no seat left are cancelled, uncounted.
 */
final class OutboundDialler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundDialler.class);
    /** How long the customer's line rings before the attempt counts as NO_ANSWER. */
    static final Duration RING_FOR = Duration.ofSeconds(25);
    /** How long an answered call may wait for an agent before it is abandoned (regulators allow 2 s). */
    static final Duration ABANDON_AFTER = Duration.ofSeconds(2);
    /** A seat the desktop has not renewed for this long is let go. */
    static final Duration SEAT_LAPSES = Duration.ofSeconds(65);
    /** The handle time assumed until the campaign's own is measured. */
    static final Duration FIRST_HANDLE_TIME = Duration.ofMinutes(3);
    /** A call the network never reports on is given up this long after its ring should have ended. */
    private static final Duration NETWORK_GRACE = Duration.ofSeconds(40);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final int BATCH = 20;
    /** The most records one turn looks at per campaign, so a list full of skips cannot stall the loop. */
    static final int MOST_CONSIDERED = 200;
    /** No agent id: the candidates' query then leaves out callbacks promised to an agent. */
    private static final long NO_AGENT = -1;

    private final CampaignStore campaigns;
    private final CampaignRecordStore records;
    private final DiallerRecords writes;
    private final DialChecks checks;
    private final CampaignLines lines;
    private final EventHub hub;
    private final Clock clock;
    private final PredictivePacer pacer = new PredictivePacer(PredictivePacer.Settings.standard());
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbound-dialler");
        t.setDaemon(true);
        return t;
    });
    // the loop thread's own
    private final Map<Long, Desk> desks = new HashMap<>();
    private final Map<String, Line> calls = new HashMap<>();
    private final Map<String, Line> handedOver = new HashMap<>();

    /** A campaign being dialled: its seats, its window of outcomes, what it is doing. */
    private static final class Desk {
        final long campaignId;
        final Map<Long, Seat> seats = new LinkedHashMap<>();
        final DialStats stats;
        Duration handleTime = FIRST_HANDLE_TIME;
        String note = "waiting for agents";
        Instant nextDueAt;
        Instant lastOutcome;

        Desk(long campaignId, Duration window) {
            this.campaignId = campaignId;
            this.stats = new DialStats(window);
        }
    }

    /** An agent seated on a campaign; {@code onCallSince} from a call given to them until their result. */
    private static final class Seat {
        final Agent agent;
        Instant renewed;
        Instant readySince;
        Instant onCallSince;

        Seat(Agent agent, Instant now) {
            this.agent = agent;
            this.renewed = now;
            this.readySince = now;
        }

        boolean ready() {
            return onCallSince == null;
        }
    }

    /** A call the dialler placed: ringing, answered and waiting, or given to an agent's phone. */
    private static final class Line {
        final String callId;
        final long campaignId;
        final long recordId;
        final Instant placedAt;
        Instant answeredAt;
        long agentId;

        Line(String callId, long campaignId, long recordId, Instant placedAt) {
            this.callId = callId;
            this.campaignId = campaignId;
            this.recordId = recordId;
            this.placedAt = placedAt;
        }
    }

    /** Asks only the {@link DialRules}: a dialler whose records are not asked about customers' cards. */
    OutboundDialler(CampaignStore campaigns, CampaignRecordStore records, DialRules rules, CampaignLines lines,
                    EventHub hub, Clock clock) {
        this(campaigns, records, new DialChecks(rules, null), lines, hub, clock);
    }

    OutboundDialler(CampaignStore campaigns, CampaignRecordStore records, DialChecks checks, CampaignLines lines,
                    EventHub hub, Clock clock) {
        this.campaigns = campaigns;
        this.records = records;
        this.writes = new DiallerRecords(campaigns, records);
        this.checks = checks;
        this.lines = lines;
        this.hub = hub;
        this.clock = clock;
    }

    /** Lets go of the records whose calls a stop cut off, then dials once a second. */
    void start() {
        Instant now = clock.instant();
        for (Stored r : records.dialledByNobody()) {
            writes.letGo(r.id(), "server_stopped", "the server stopped while the dialler's call was out; the attempt "
                    + "is not counted", now);
        }
        loop.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Seats the agent on the campaign (or renews the seat: the desktop does so every half minute). An
     * agent sits on one campaign at a time; a seat elsewhere is given up. A new seat needs a phone
     * that can take calls.
     */
    OutboundSeatView join(Session s, long campaignId) {
        CampaignStore.Stored c = campaigns.find(campaignId).orElseThrow(() -> ApiProblem.notFound("campaign", campaignId));
        if (c.campaign().mode() == DiallingMode.PREVIEW) {
            throw ApiProblem.conflict("preview_campaign", c.campaign().name() + " is a preview campaign: its agents "
                    + "ask for the next record and dial it themselves");
        }
        if (!c.active()) {
            throw ApiProblem.conflict("inactive", c.campaign().name() + " is paused");
        }
        if (!lines.canCallOut()) {
            throw ApiProblem.conflict("no_trunk", "the phone system has no line to call out on; ask an administrator");
        }
        return onLoop(() -> {
            Instant now = clock.instant();
            for (Desk d : desks.values()) {
                if (d.campaignId != campaignId) {
                    d.seats.remove(s.agentId());
                }
            }
            Desk desk = desks.computeIfAbsent(campaignId, id -> new Desk(id, c.campaign().abandonWindow()));
            Seat seat = desk.seats.get(s.agentId());
            Optional<Stored> inHand = records.heldBy(s.agentId(), campaignId).filter(r -> r.dialledAt() != null);
            if (seat == null) {
                if (inHand.isEmpty()) {
                    lines.checkAgent(s.agent());   // a phone that can ring, not on a call
                }
                seat = new Seat(s.agent(), now);
                desk.seats.put(s.agentId(), seat);
                loop.execute(this::tick);
            }
            seat.renewed = now;
            if (inHand.isPresent() && seat.onCallSince == null) {
                seat.onCallSince = now;   // a call given before this seat (a restart): busy until its result
            }
            return view(desk, true, inHand.map(OutboundViews::record).orElse(null));
        });
    }

    /** Gives up the agent's seat; calls already answered go to the agents left, or are abandoned. */
    OutboundSeatView leave(Session s, long campaignId) {
        campaigns.find(campaignId).orElseThrow(() -> ApiProblem.notFound("campaign", campaignId));
        return onLoop(() -> {
            Desk desk = desks.get(campaignId);
            if (desk == null) {
                return new OutboundSeatView(campaignId, false, 0, "not seated", null, null);
            }
            desk.seats.remove(s.agentId());
            cancelWithoutSeats(desk, clock.instant());
            return view(desk, false, null);
        });
    }

    /** The campaign was paused: its calls still ringing are cancelled (uncounted); no more are placed. */
    void paused(long campaignId) {
        submit(() -> {
            Desk desk = desks.get(campaignId);
            if (desk != null) {
                cancelRinging(desk, "paused", "the campaign was paused while the call rang; the attempt is not counted",
                        clock.instant());
            }
        });
    }

    /** The agent reported the result of a call the dialler gave them: they are ready for the next. */
    void resultReported(long agentId, long campaignId) {
        submit(() -> {
            Desk desk = desks.get(campaignId);
            Seat seat = desk == null ? null : desk.seats.get(agentId);
            if (seat == null || seat.onCallSince == null) {
                return;
            }
            Instant now = clock.instant();
            Duration handled = Duration.between(seat.onCallSince, now);
            // a moving average: recent calls count most, one odd call moves it a little
            desk.handleTime = desk.handleTime.multipliedBy(4).plus(handled).dividedBy(5);
            seat.onCallSince = null;
            seat.readySince = now;
            tick();
        });
    }

    private OutboundSeatView view(Desk desk, boolean joined, dev.switchboard.api.OutboundRecordView inHand) {
        return new OutboundSeatView(desk.campaignId, joined, linesOut(desk.campaignId), desk.note, inHand,
                desk.nextDueAt);
    }

    private int linesOut(long campaignId) {
        return (int) calls.values().stream().filter(l -> l.campaignId == campaignId).count();
    }

    // ---- the loop

    private void tick() {
        Instant now = clock.instant();
        for (Desk desk : new ArrayList<>(desks.values())) {
            guarded("seats of campaign " + desk.campaignId, () -> {
                // a seat not renewed is a desktop gone; a busy one keeps its record for the agent's next seat
                desk.seats.values().removeIf(seat -> Duration.between(seat.renewed, now).compareTo(SEAT_LAPSES) > 0);
                cancelWithoutSeats(desk, now);
            });
        }
        // answered calls first: their two seconds run while the loop dials
        for (Line waiting : new ArrayList<>(calls.values())) {
            if (waiting.answeredAt != null) {
                guarded("answered call " + waiting.callId, () -> {
                    Desk desk = desks.get(waiting.campaignId);
                    if ((desk == null || !connect(desk, waiting, now))
                            && !now.isBefore(waiting.answeredAt.plus(ABANDON_AFTER))) {
                        abandon(waiting, "no agent was free within " + ABANDON_AFTER.toSeconds()
                                + " s of the answer; the dialler hung up", true, now);
                    }
                });
            } else if (now.isAfter(waiting.placedAt.plus(RING_FOR).plus(NETWORK_GRACE))) {
                guarded("silent call " + waiting.callId, () -> {
                    calls.remove(waiting.callId);
                    lines.drop(waiting.callId);
                    stats(waiting.campaignId, AttemptResult.FAILED, waiting.placedAt, now, now);
                    writes.finish(waiting.campaignId, waiting.recordId, AttemptResult.FAILED,
                            "the network never said how the call ended; the dialler gave it up", now);
                });
            }
        }
        for (Desk desk : new ArrayList<>(desks.values())) {
            guarded("dialling campaign " + desk.campaignId, () -> dial(desk, now));
        }
    }

    private void dial(Desk desk, Instant now) {
        Optional<CampaignStore.Stored> found = campaigns.find(desk.campaignId);
        if (found.isEmpty() || !found.get().active()) {
            desk.note = "paused: no calls are placed";
            return;
        }
        if (desk.seats.isEmpty()) {
            desk.note = "waiting for agents";
            return;
        }
        Campaign campaign = found.get().campaign();
        long ready = desk.seats.values().stream().filter(Seat::ready).count();
        int busy = desk.seats.size() - (int) ready;
        int out = linesOut(desk.campaignId);
        PacingDecision decision = pacer.pace(campaign.mode(), campaign.maxAbandonRate(),
                new PacerInput((int) ready, busy, out, desk.handleTime, desk.stats.snapshot(now)));
        int placed = 0;
        int considered = 0;
        desk.nextDueAt = null;
        while (placed < decision.lines() && considered < MOST_CONSIDERED) {
            List<Stored> batch = records.candidates(desk.campaignId, NO_AGENT, now,
                    now.minus(OutboundService.LOCK_TTL), BATCH);
            if (batch.isEmpty()) {
                if (out + placed == 0) {
                    desk.nextDueAt = records.nextDue(desk.campaignId, NO_AGENT).orElse(null);
                    desk.note = desk.nextDueAt != null ? "no record may be dialled now" : "no record is left to dial";
                    return;
                }
                break;
            }
            for (Stored r : batch) {
                if (placed >= decision.lines()) {
                    break;
                }
                considered++;
                DialDecision d = checks.decide(campaign, r);
                if (d instanceof DialDecision.Skip skip) {
                    DialLog.putAside(records, r, skip, "SKIP", null, now);
                    continue;
                }
                if (!writes.claim(r, campaign, now)) {
                    continue;   // taken meanwhile (an agent's preview): go on with the next
                }
                if (!place(desk, r, now)) {
                    return;   // the phone system refused: the note says why; the next turn tries again
                }
                placed++;
            }
        }
        desk.note = describe(decision, out + placed);
    }

    private static String describe(PacingDecision decision, int out) {
        String basis = switch (decision.basis()) {
            case ONE_TO_ONE -> "one call per ready agent";
            case WARMING_UP -> "one call per ready agent until 30 answered calls measure the answer rate";
            case AT_ABANDON_LIMIT -> "one call per ready agent: the abandon rate is at its limit";
            case PREDICTIVE -> "pacing from the measured answer rate";
            case PREVIEW -> "preview";
        };
        return out + (out == 1 ? " call" : " calls") + " out · " + basis;
    }

    /** Places the call of a claimed record; false when it could not be placed. */
    private boolean place(Desk desk, Stored r, Instant now) {
        String callId = "cmp-" + UUID.randomUUID();
        calls.put(callId, new Line(callId, desk.campaignId, r.id(), now));
        try {
            lines.place(callId, r.record().number(), RING_FOR, listener());
            return true;
        } catch (RuntimeException e) {
            calls.remove(callId);
            writes.letGo(r.id(), e instanceof ApiProblem p ? p.code() : "error", String.valueOf(e.getMessage()), now);
            desk.note = "calls cannot be placed: " + e.getMessage();
            return false;
        }
    }

    private CampaignLines.Listener listener() {
        return new CampaignLines.Listener() {
            @Override
            public void answered(String callId) {
                Instant at = clock.instant();   // the customer's two seconds start now, not when the loop looks
                submit(() -> onAnswered(callId, at));
            }

            @Override
            public void notAnswered(String callId, AttemptResult result, String problem) {
                submit(() -> onNotAnswered(callId, result, problem));
            }

            @Override
            public void customerLeft(String callId) {
                submit(() -> onCustomerLeft(callId));
            }

            @Override
            public void bridged(String callId) {
                Instant at = clock.instant();
                submit(() -> onAgentLeg(callId, true, null, at));
            }

            @Override
            public void agentMissed(String callId, String problem) {
                Instant at = clock.instant();
                submit(() -> onAgentLeg(callId, false, problem, at));
            }
        };
    }

    private void onAnswered(String callId, Instant at) {
        Line line = calls.get(callId);
        if (line == null || line.answeredAt != null) {
            return;
        }
        line.answeredAt = at;
        Desk desk = desks.get(line.campaignId);
        if (desk == null || !connect(desk, line, clock.instant())) {
            loop.schedule(this::tick, ABANDON_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void onNotAnswered(String callId, AttemptResult result, String problem) {
        Line line = calls.remove(callId);
        if (line == null) {
            return;
        }
        Instant now = clock.instant();
        stats(line.campaignId, result, line.placedAt, now, now);
        writes.finish(line.campaignId, line.recordId, result, problem, now);
    }

    private void onCustomerLeft(String callId) {
        Line line = calls.get(callId);
        if (line == null) {
            return;
        }
        if (line.answeredAt == null) {
            onNotAnswered(callId, AttemptResult.NO_ANSWER, "the call ended before it was answered");
        } else {
            abandon(line, "the customer hung up while waiting for an agent", false, clock.instant());
        }
    }

    /**
     * The agent's phone answered a call given to them, or did not. Answered within the two seconds it
     * is connected; later, the customer heard silence too long and it counts abandoned, though the
     * call goes on. Not answered, the customer was hung up on: abandoned, and the record is let go.
     */
    private void onAgentLeg(String callId, boolean answered, String problem, Instant at) {
        Line line = handedOver.remove(callId);
        if (line == null) {
            return;
        }
        Duration silence = Duration.between(line.answeredAt, at);
        if (answered) {
            boolean inTime = silence.compareTo(ABANDON_AFTER) <= 0;
            stats(line.campaignId, inTime ? AttemptResult.CONNECTED : AttemptResult.ABANDONED, line.placedAt,
                    line.answeredAt, at);
            writes.note(line.recordId, line.agentId, "BRIDGED", "the agent's phone answered " + silence.toMillis()
                    + " ms after the customer" + (inTime ? "" : ": over the " + ABANDON_AFTER.toSeconds()
                    + " s allowed, counted as abandoned for the pacing"), at);
            return;
        }
        stats(line.campaignId, AttemptResult.ABANDONED, line.placedAt, line.answeredAt, at);
        writes.finish(line.campaignId, line.recordId, AttemptResult.ABANDONED, "the agent's phone did not answer ("
                + problem + "); the customer was hung up on", at);
        Desk desk = desks.get(line.campaignId);
        if (desk != null) {
            desk.seats.remove(line.agentId);   // their next renewal checks the phone again
        }
    }

    /** Gives the waiting call to the agent ready longest; false when none is (or none could take it). */
    private boolean connect(Desk desk, Line line, Instant now) {
        while (true) {
            Optional<Seat> next = desk.seats.values().stream().filter(Seat::ready)
                    .min(Comparator.comparing((Seat s) -> s.readySince));
            if (next.isEmpty()) {
                return false;
            }
            Seat seat = next.get();
            if (!writes.holdFor(line.recordId, seat.agent.id(), now)) {
                return false;   // changed under us: the next turn reads it again
            }
            ScreenPop pop;
            try {
                pop = lines.connect(line.callId, seat.agent, records.find(line.recordId).map(Stored::customerId)
                        .orElse(null));
            } catch (RuntimeException e) {
                writes.unhold(line.recordId);
                if (e instanceof ApiProblem p && ("call_gone".equals(p.code()) || "call_state".equals(p.code()))) {
                    // the call, not the agent, is the trouble: the customer's hang-up (or the abandon
                    // timer) finishes it; the agent keeps the seat
                    return false;
                }
                // the agent cannot take calls (phone gone, already on a call): they lose the seat
                LOG.info("could not give call {} to agent {}: {}", line.callId, seat.agent.id(), e.getMessage());
                desk.seats.remove(seat.agent.id());
                continue;
            }
            calls.remove(line.callId);
            line.agentId = seat.agent.id();
            handedOver.put(line.callId, line);
            seat.onCallSince = now;
            long interaction = pop.interaction().id();
            writes.given(line.recordId, seat.agent.id(), interaction, "answered after "
                    + Duration.between(line.placedAt, line.answeredAt).toSeconds() + " s; given to the agent "
                    + Duration.between(line.answeredAt, now).toMillis() + " ms after the answer", now);
            records.find(line.recordId).ifPresent(given -> hub.publish(EventTypes.OUTBOUND_CALL,
                    new OutboundDialView(OutboundViews.record(given), pop), seat.agent.id()));
            return true;
        }
    }

    private void abandon(Line line, String why, boolean hangUp, Instant now) {
        calls.remove(line.callId);
        if (hangUp) {
            lines.drop(line.callId);
        }
        stats(line.campaignId, AttemptResult.ABANDONED, line.placedAt, line.answeredAt == null ? now : line.answeredAt,
                now);
        writes.finish(line.campaignId, line.recordId, AttemptResult.ABANDONED, why, now);
    }

    /** With no seat left, calls still ringing would be answered by nobody: they are cancelled. */
    private void cancelWithoutSeats(Desk desk, Instant now) {
        if (desk.seats.isEmpty()) {
            cancelRinging(desk, "no_agent", "every agent left the campaign while the call rang; the attempt is not "
                    + "counted", now);
        }
    }

    private void cancelRinging(Desk desk, String reason, String why, Instant now) {
        for (Line l : new ArrayList<>(calls.values())) {
            if (l.campaignId == desk.campaignId && l.answeredAt == null) {
                calls.remove(l.callId);
                lines.drop(l.callId);
                writes.letGo(l.recordId, reason, why, now);
            }
        }
    }

    /**
     * Counts an outcome in the campaign's window. Outcomes are entered in the loop's order, at the
     * latest instant seen, so an event stamped on a voice thread never goes in before an earlier one.
     */
    private void stats(long campaignId, AttemptResult result, Instant placedAt, Instant answeredOrEnded, Instant now) {
        Desk desk = desks.get(campaignId);
        if (desk != null) {
            Instant at = desk.lastOutcome == null || now.isAfter(desk.lastOutcome) ? now : desk.lastOutcome;
            desk.lastOutcome = at;
            Duration ring = Duration.between(placedAt, answeredOrEnded);
            desk.stats.record(at, result, ring.isNegative() ? Duration.ZERO : ring);
        }
    }

    /** Runs on the loop; a failure is logged and the loop goes on. */
    private void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (Throwable e) {   // the scheduled turn must never die: it would not run again
            LOG.warn("the dialler failed on {}; it goes on", what, e);
        }
    }

    private void submit(Runnable work) {
        try {
            loop.execute(() -> guarded("an event", work));
        } catch (RejectedExecutionException stopped) {
            LOG.debug("the dialler has stopped; an event is dropped");
        }
    }

    private <T> T onLoop(Callable<T> work) {
        try {
            return loop.submit(work).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ApiProblem(503, "busy", "the dialler is busy; try again in a moment", null);
        } catch (RejectedExecutionException e) {
            throw new ApiProblem(503, "stopping", "the server is stopping", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "stopping", "the server is stopping", null);
        }
    }

    /** Hangs up the calls out (their records are let go on the next start) and stops the loop. */
    @Override
    public void close() {
        try {
            loop.submit(() -> {
                for (String callId : new ArrayList<>(calls.keySet())) {
                    lines.drop(callId);
                }
                calls.clear();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("the dialler's calls could not all be hung up on close", e);
        }
        loop.shutdown();
        try {
            if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loop.shutdownNow();
        }
    }
}
