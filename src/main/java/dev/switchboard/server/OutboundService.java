package dev.switchboard.server;

import dev.switchboard.api.CampaignImportView;
import dev.switchboard.api.CampaignRequest;
import dev.switchboard.api.CampaignView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DialRequest;
import dev.switchboard.api.OutboundDialView;
import dev.switchboard.api.OutboundDncAddedView;
import dev.switchboard.api.OutboundDncEntryView;
import dev.switchboard.api.OutboundDncRequest;
import dev.switchboard.api.OutboundLogEntryView;
import dev.switchboard.api.OutboundNextView;
import dev.switchboard.api.OutboundRecordView;
import dev.switchboard.api.OutboundResultRequest;
import dev.switchboard.api.OutboundSeatView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.TicketView;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.CallRecord;
import dev.switchboard.domain.outbound.Callback;
import dev.switchboard.domain.outbound.Campaign;
import dev.switchboard.domain.outbound.ContactZones;
import dev.switchboard.domain.outbound.DialDecision;
import dev.switchboard.domain.outbound.DialRules;
import dev.switchboard.domain.outbound.DiallingMode;
import dev.switchboard.domain.outbound.Disposition;
import dev.switchboard.domain.outbound.DncScope;
import dev.switchboard.domain.outbound.RecordLifecycle;
import dev.switchboard.domain.outbound.RecordStatus;
import dev.switchboard.store.CampaignRecordStore;
import dev.switchboard.store.CampaignRecordStore.LogEntry;
import dev.switchboard.store.CampaignRecordStore.Stored;
import dev.switchboard.store.CampaignStore;
import dev.switchboard.store.DoNotCallStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outbound campaigns in preview mode: campaigns and their lists, the do-not-call lists, and an
 * agent's loop of next record → dial → result. {@link DialRules} is asked before a record is offered
 * and again at the dial, so a number listed or a calling window closed in between is never dialled.
 * Every skip, dial and result is written to the dial log, in the same transaction as the record's
 * change. A record offered is held by that agent until they dial and report it or skip it (or leave
 * it untouched for {@link #LOCK_TTL}), and no other agent is offered it meanwhile.
 */
final class OutboundService {
    /** A preview left this long without a dial is let go, so a record is not stranded by an agent who left. */
    static final Duration LOCK_TTL = Duration.ofMinutes(30);
    /** The most records one request for the next record looks at (each one it skips is put aside). */
    static final int MOST_CONSIDERED = 2_000;
    private static final int BATCH = 50;

    private final CampaignStore campaigns;
    private final CampaignRecordStore records;
    private final DoNotCallStore dnc;
    private final CustomerService customers;
    private final VoiceService voice;
    private final AddressNormalizer normalizer;
    private final DialChecks checks;
    private final OutboundCampaignReader reader;
    private final OutboundImport importer;
    private final Clock clock;
    private OutboundDialler dialler;
    /** One request of an agent's at a time, so an agent never ends up holding two records. */
    private final Map<Long, Object> agentTurns = new ConcurrentHashMap<>();

    OutboundService(CampaignStore campaigns, CampaignRecordStore records, DoNotCallStore dnc,
                    CustomerService customers, VoiceService voice, AddressNormalizer normalizer, String region,
                    Clock clock, dev.switchboard.store.InsightStore permissions) {
        this.campaigns = campaigns;
        this.records = records;
        this.dnc = dnc;
        this.customers = customers;
        this.voice = voice;
        this.normalizer = normalizer;
        this.checks = new DialChecks(new DialRules(clock, normalizer, dnc, new ContactZones()), permissions);
        this.reader = new OutboundCampaignReader(region);
        this.importer = new OutboundImport(records, clock);
        this.clock = clock;
    }

    /**
     * Starts the dialler of PROGRESSIVE and PREDICTIVE campaigns on these lines; until then (or on a
     * server with no voice) agents cannot take a seat on them.
     */
    void startDialler(CampaignLines lines, EventHub hub) {
        OutboundDialler d = new OutboundDialler(campaigns, records, checks, lines, hub, clock);
        d.start();
        dialler = d;
    }

    /** Stops the dialler, hanging up the calls it has out. */
    void stopDialler() {
        OutboundDialler d = dialler;
        if (d != null) {
            d.close();
        }
    }

    OutboundSeatView join(Session s, long campaignId) {
        return dialler().join(s, campaignId);
    }

    OutboundSeatView leave(Session s, long campaignId) {
        return dialler().leave(s, campaignId);
    }

    private OutboundDialler dialler() {
        OutboundDialler d = dialler;
        if (d == null) {
            throw ApiProblem.conflict("no_dialler", "this server has no phone system to dial campaigns with");
        }
        return d;
    }

    /** Pauses or resumes a campaign; the change is audited. A paused campaign offers and dials nothing. */
    CampaignView setActive(Session supervisor, long id, Boolean active) {
        if (active == null) {
            throw ApiProblem.badRequest("active", "active is required: true to resume the campaign, false to pause it");
        }
        CampaignStore.Stored c = campaignOf(id);
        if (c.active() != active) {
            campaigns.setActive(id, active, supervisor.agentId(), clock.instant());
            if (!active && dialler != null) {
                dialler.paused(id);
            }
        }
        return campaign(id);
    }

    /** A record's dial log, newest first: a supervisor, or the agent holding the record. */
    List<OutboundLogEntryView> attempts(Session s, long recordId) {
        Stored r = recordOf(recordId);
        if (!s.isSupervisor() && !Long.valueOf(s.agentId()).equals(r.lockedBy())) {
            throw new ApiProblem(403, "forbidden", "record " + recordId + " is not held by you", null);
        }
        return records.log(r.campaignId(), recordId, 200).stream().map(OutboundViews::log).toList();
    }

    CampaignView create(Session supervisor, CampaignRequest r) {
        CampaignStore.Stored stored = campaigns.create(reader.read(r), supervisor.agentId(), clock.instant());
        return OutboundViews.campaign(stored, CampaignRecordStore.Progress.NONE);
    }

    List<CampaignView> campaigns(boolean activeOnly) {
        Map<Long, CampaignRecordStore.Progress> progress = records.progress();
        return campaigns.all(activeOnly).stream().map(c -> OutboundViews.campaign(c,
                progress.getOrDefault(c.id(), CampaignRecordStore.Progress.NONE))).toList();
    }

    CampaignView campaign(long id) {
        return OutboundViews.campaign(campaignOf(id),
                records.progress().getOrDefault(id, CampaignRecordStore.Progress.NONE));
    }

    CampaignImportView importList(long campaignId, byte[] file, OutboundImport.Options options) {
        return importer.read(campaignOf(campaignId), file, options);
    }

    List<OutboundLogEntryView> log(long campaignId, Long recordId, int limit) {
        campaignOf(campaignId);
        return records.log(campaignId, recordId, limit).stream().map(OutboundViews::log).toList();
    }

    OutboundDncAddedView addDoNotCall(Session s, OutboundDncRequest r) {
        if (r.numbers() == null || r.numbers().isEmpty()) {
            throw ApiProblem.badRequest("numbers", "numbers is required: at least one phone number");
        }
        if (r.numbers().size() > 10_000) {
            throw ApiProblem.badRequest("numbers", "at most 10,000 numbers at once");
        }
        DncScope scope = r.scope() == null ? DncScope.GLOBAL : r.scope();
        long campaignId = 0;
        // numbers written without a country code are read in the campaign's region, as its list is
        AddressNormalizer numbers = normalizer;
        if (scope == DncScope.CAMPAIGN) {
            if (r.campaignId() == null) {
                throw ApiProblem.badRequest("campaignId", "campaignId is required for the CAMPAIGN scope");
            }
            campaignId = r.campaignId();
            CampaignStore.Stored c = campaigns.find(campaignId).orElseThrow(() -> new ApiProblem(404, "not_found",
                    "campaign " + r.campaignId() + " does not exist", "campaignId"));
            numbers = new AddressNormalizer(c.defaultRegion());
        } else if (r.campaignId() != null) {
            throw ApiProblem.badRequest("campaignId", "a GLOBAL entry names no campaign");
        }
        Requests.maxLength("reason", r.reason(), 200);
        List<String> keys = new ArrayList<>();
        List<DoNotCallStore.Add> adds = new ArrayList<>();
        for (int i = 0; i < r.numbers().size(); i++) {
            String raw = r.numbers().get(i);
            String field = "numbers[" + i + "]";
            Requests.maxLength(field, raw, 40);
            String key = raw == null ? null : numbers.phone(raw).orElse(null);
            if (key == null) {
                throw ApiProblem.badRequest(field, field + " (\"" + raw + "\") is not a phone number; nothing was listed");
            }
            keys.add(key);
            adds.add(new DoNotCallStore.Add(scope, campaignId, key, r.reason()));
        }
        int added = dnc.add(adds, s.agentId(), clock.instant());
        return new OutboundDncAddedView(keys, added, adds.size() - added);
    }

    List<OutboundDncEntryView> doNotCall(DncScope scope, Long campaignId, int limit) {
        return dnc.list(scope, campaignId, limit).stream().map(OutboundViews::dnc).toList();
    }

    OutboundRecordView record(Session s, long recordId) {
        Stored r = recordOf(recordId);
        if (!s.isSupervisor() && !Long.valueOf(s.agentId()).equals(r.lockedBy())) {
            throw new ApiProblem(403, "forbidden", "record " + recordId + " is not held by you", null);
        }
        return OutboundViews.record(r);
    }

    /**
     * The next record the rules allow now, held for this agent; the one the agent holds already if
     * it may still be dialled, or if it was dialled and its result is not reported yet (its
     * {@code dialledAt} then says so). Records skipped on the way are put aside until they may be dialled
     * (or for good), each with a line in the dial log.
     */
    OutboundNextView next(Session s, long campaignId) {
        CampaignStore.Stored c = dialledCampaign(campaignId);
        long agent = s.agentId();
        synchronized (turnOf(agent)) {
            Instant now = clock.instant();
            Optional<Stored> held = records.heldBy(agent, campaignId);
            if (held.isPresent()) {
                Stored h = held.get();
                if (h.dialledAt() != null || h.record().status() == RecordStatus.AWAITING_DISPOSITION) {
                    // dialled and not reported (the desktop lost the dial's answer, or was restarted):
                    // the same record again, so its result can be reported
                    return preview(h);
                }
                DialDecision d = checks.decide(c.campaign(), h);
                if (d instanceof DialDecision.Dial && records.update(h, h.lockedTo(agent, now), List.of())) {
                    return preview(recordOf(h.id()));   // held afresh from now
                }
                if (d instanceof DialDecision.Skip skip) {
                    DialLog.putAside(records, h, skip, "SKIP", null, now);
                }
            }
            int considered = 0;
            while (considered < MOST_CONSIDERED) {
                List<Stored> batch = records.candidates(campaignId, agent, now, now.minus(LOCK_TTL), BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                for (Stored r : batch) {
                    considered++;
                    DialDecision d = checks.decide(c.campaign(), r);
                    if (d instanceof DialDecision.Skip skip) {
                        DialLog.putAside(records, r, skip, "SKIP", null, now);
                    } else if (records.update(r, r.lockedTo(agent, now), List.of())) {
                        return preview(recordOf(r.id()));
                    }
                }
            }
            Optional<Instant> due = records.nextDue(campaignId, agent);
            String why = considered >= MOST_CONSIDERED ? "many records were put aside just now; ask again"
                    : due.isPresent() ? "no record of this campaign may be dialled now; the next falls due at " + due.get()
                    : "no record is left to dial: every one is closed, blocked, or held by a colleague";
            return new OutboundNextView(null, null, null, why, due.orElse(null));
        }
    }

    /** Dials the record the agent holds, after asking the rules once more, through click-to-dial. */
    OutboundDialView dial(Session s, long recordId) {
        long agent = s.agentId();
        synchronized (turnOf(agent)) {
            Stored r = heldRecord(s, recordId);
            if (r.dialledAt() != null) {
                throw ApiProblem.conflict("already_dialled", "record " + recordId + " was dialled at " + r.dialledAt()
                        + "; report how the call ended");
            }
            CampaignStore.Stored c = dialledCampaign(r.campaignId());
            Instant now = clock.instant();
            DialDecision d = checks.decide(c.campaign(), r);
            if (d instanceof DialDecision.Skip skip) {
                DialLog.putAside(records, r, skip, "REFUSED", agent, now);
                throw ApiProblem.conflict(skip.reason().name().toLowerCase(Locale.ROOT),
                        "record " + recordId + " may not be dialled: " + skip.message());
            }
            // the dial is logged with the record's change, before the call is placed: the log never
            // misses a call that rang, and a call that could not be placed gets its DIAL_FAILED line
            Stored dialling = r.dialling(now);
            if (!records.update(r, dialling, List.of(DialLog.entry(r, agent, "DIAL", null,
                    "attempt " + (r.record().attempts() + 1) + " of " + c.campaign().retry().maxAttempts(), null, now)))) {
                throw changed(recordId);
            }
            dialling = recordOf(recordId);
            ScreenPop pop;
            try {
                pop = voice.dial(s, new DialRequest(r.record().number(), r.customerId()));
            } catch (RuntimeException e) {
                // not placed: no attempt is counted and the agent may try again (or skip)
                records.update(dialling, dialling.dialling(null), List.of(DialLog.entry(r, agent, "DIAL_FAILED",
                        e instanceof ApiProblem p ? p.code() : "error", String.valueOf(e.getMessage()), null, now)));
                throw e;
            }
            records.update(dialling, dialling.onCall(pop.interaction().id()), List.of());
            return new OutboundDialView(OutboundViews.record(recordOf(recordId)), pop);
        }
    }

    /** The agent passes on the record they preview: it goes back to the end of the list. */
    OutboundRecordView skip(Session s, long recordId, String reason) {
        Requests.maxLength("reason", reason, 200);
        long agent = s.agentId();
        synchronized (turnOf(agent)) {
            Stored r = heldRecord(s, recordId);
            if (r.dialledAt() != null) {
                throw ApiProblem.conflict("already_dialled", "record " + recordId + " was dialled; report how the call "
                        + "ended instead");
            }
            Instant now = clock.instant();
            Instant due = r.record().nextAttemptAt().filter(at -> at.isAfter(now)).orElse(now);
            if (!records.update(r, r.released().dueAt(due), List.of(DialLog.entry(r, agent, "AGENT_SKIP", null,
                    reason == null || reason.isBlank() ? "skipped by the agent" : reason.strip(), null, now)))) {
                throw changed(recordId);
            }
            return OutboundViews.record(recordOf(recordId));
        }
    }

    /** How the dialled record's attempt ended, and for a connected call the agent's disposition. */
    OutboundRecordView result(Session s, long recordId, OutboundResultRequest req) {
        long agent = s.agentId();
        synchronized (turnOf(agent)) {
            Stored r = heldRecord(s, recordId);
            if (r.dialledAt() == null) {
                throw ApiProblem.conflict("not_dialled", "record " + recordId + " has not been dialled: dial it or skip it");
            }
            Campaign campaign = campaignOf(r.campaignId()).campaign();
            Instant now = clock.instant();
            Outcome o = outcome(campaign, req, agent, now);
            CallRecord after;
            try {
                after = RecordLifecycle.afterAttempt(r.record(), o.result(), now, campaign.retry());
            } catch (IllegalStateException e) {
                throw ApiProblem.conflict("record_state", e.getMessage());
            }
            List<LogEntry> log = new ArrayList<>();
            log.add(DialLog.entry(r, agent, "RESULT", o.result().name(), describe(after), r.interactionId(), now));
            List<DoNotCallStore.Add> lists = new ArrayList<>();
            if (o.disposition() != null) {
                RecordLifecycle.Wrapped wrapped;
                try {
                    wrapped = RecordLifecycle.afterDisposition(campaign, after, o.disposition(), o.callback(), now);
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.badRequest(o.callback().isPresent() ? "callbackAt" : "disposition", e.getMessage());
                }
                after = wrapped.record();
                wrapped.dncEntry().ifPresent(e -> lists.add(new DoNotCallStore.Add(e.scope(), r.campaignId(),
                        e.number(), "disposition " + o.disposition().code())));
                log.add(DialLog.entry(r, agent, "DISPOSITION", o.disposition().code(), describe(after)
                        + wrapped.dncEntry().map(e -> "; number put on the " + e.scope().name().toLowerCase(Locale.ROOT)
                        + " do-not-call list").orElse(""), r.interactionId(), now));
            }
            if (!records.update(r, r.withRecord(after).released(), log, lists, agent, now)) {
                throw changed(recordId);
            }
            if (dialler != null && campaign.mode() != DiallingMode.PREVIEW) {
                dialler.resultReported(agent, r.campaignId());
            }
            return OutboundViews.record(recordOf(recordId));
        }
    }

    private record Outcome(AttemptResult result, Disposition disposition, Optional<Callback> callback) {
    }

    private Outcome outcome(Campaign campaign, OutboundResultRequest req, long agent, Instant now) {
        if (req.result() == null) {
            throw ApiProblem.badRequest("result", "result is required: BUSY, NO_ANSWER, ANSWERING_MACHINE, FAILED or CONNECTED");
        }
        if (req.result() == AttemptResult.ABANDONED) {
            throw ApiProblem.badRequest("result", "ABANDONED is counted by the dialler, not reported by an agent");
        }
        if (req.result() != AttemptResult.CONNECTED) {
            if (req.disposition() != null || req.callbackAt() != null || req.callbackToMe() != null) {
                throw ApiProblem.badRequest(req.disposition() != null ? "disposition" : "callbackAt",
                        "only a CONNECTED call takes a disposition or a callback");
            }
            return new Outcome(req.result(), null, Optional.empty());
        }
        String code = Requests.required("disposition", req.disposition(), 40).toUpperCase(Locale.ROOT);
        // a code first: a one-letter code of a campaign's own wins over another disposition's key
        Disposition d = campaign.disposition(code)
                .or(() -> code.length() == 1 ? campaign.dispositionForKey(code.charAt(0)) : Optional.empty())
                .orElseThrow(() -> ApiProblem.badRequest("disposition", "no disposition " + code + " on this campaign; "
                        + "one of " + String.join(", ", campaign.dispositions().stream().map(Disposition::code).toList())));
        if (!d.schedulesCallback()) {
            if (req.callbackAt() != null || req.callbackToMe() != null) {
                throw ApiProblem.badRequest("callbackAt", d.code() + " schedules no callback");
            }
            return new Outcome(req.result(), d, Optional.empty());
        }
        if (req.callbackAt() == null) {
            throw ApiProblem.badRequest("callbackAt", d.code() + " needs callbackAt, e.g. 2026-03-12T15:00:00Z");
        }
        if (!req.callbackAt().isAfter(now) || req.callbackAt().isAfter(now.plus(Duration.ofDays(366)))) {
            throw ApiProblem.badRequest("callbackAt", "callbackAt must lie after now and within a year");
        }
        if (Boolean.TRUE.equals(req.callbackToMe()) && campaign.mode() != DiallingMode.PREVIEW) {
            // the dialler gives each answered call to whoever is free; it cannot keep one for an agent
            throw ApiProblem.badRequest("callbackToMe", "on a " + campaign.mode() + " campaign the server dials the "
                    + "callback and puts it through to the next free agent: leave callbackToMe out or false");
        }
        Callback cb = Boolean.TRUE.equals(req.callbackToMe()) ? Callback.toAgent(req.callbackAt(), agent)
                : Callback.toCampaign(req.callbackAt());
        return new Outcome(req.result(), d, Optional.of(cb));
    }

    static String describe(CallRecord r) {
        return switch (r.status()) {
            case CLOSED -> "closed: " + r.closeReason().map(cr -> cr.message()).orElse("");
            case AWAITING_DISPOSITION -> "connected";
            case PENDING -> r.callback().map(cb -> "callback at " + cb.at()
                    + cb.agentId().map(a -> " to agent " + a).orElse(" to the campaign"))
                    .orElse("next attempt at " + r.nextAttemptAt().map(Instant::toString).orElse("once due"));
        };
    }

    private OutboundNextView preview(Stored r) {
        CustomerSummary customer = null;
        List<TicketView> open = List.of();
        if (r.customerId() != null) {
            try {
                customer = customers.get(r.customerId());
                open = customers.openTickets(r.customerId());
            } catch (ApiProblem gone) {
                customer = null;   // the customer was removed since the list was imported
            }
        }
        return new OutboundNextView(OutboundViews.record(r), customer, open, null, null);
    }

    private Stored heldRecord(Session s, long recordId) {
        Stored r = recordOf(recordId);
        if (!Long.valueOf(s.agentId()).equals(r.lockedBy())) {
            throw ApiProblem.conflict("not_held", "record " + recordId + " is not held by you: ask for the next record first");
        }
        return r;
    }

    private Stored recordOf(long id) {
        return records.find(id).orElseThrow(() -> ApiProblem.notFound("record", id));
    }

    private CampaignStore.Stored campaignOf(long id) {
        return campaigns.find(id).orElseThrow(() -> ApiProblem.notFound("campaign", id));
    }

    private CampaignStore.Stored dialledCampaign(long id) {
        CampaignStore.Stored c = campaignOf(id);
        if (c.campaign().mode() != DiallingMode.PREVIEW) {
            throw ApiProblem.conflict("dialled_by_server", c.campaign().name() + " is a " + c.campaign().mode()
                    + " campaign: the server dials it; take a seat on it (POST /api/v1/outbound/campaigns/" + id
                    + "/join) and answered calls come to you");
        }
        if (!c.active()) {
            throw ApiProblem.conflict("inactive", "campaign " + id + " is stopped");
        }
        return c;
    }

    private static ApiProblem changed(long recordId) {
        return ApiProblem.conflict("record_changed", "record " + recordId + " changed meanwhile; ask again");
    }

    private Object turnOf(long agentId) {
        return agentTurns.computeIfAbsent(agentId, id -> new Object());
    }
}
