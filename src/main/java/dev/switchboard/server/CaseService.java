package dev.switchboard.server;

import dev.switchboard.api.AlertView;
import dev.switchboard.api.CaseView;
import dev.switchboard.api.SlaView;
import dev.switchboard.api.TicketHistoryView;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.domain.CaseFile;
import dev.switchboard.domain.Severity;
import dev.switchboard.domain.Ticket;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import dev.switchboard.domain.sla.BusinessCalendar;
import dev.switchboard.domain.sla.SlaClock;
import dev.switchboard.domain.sla.SlaState;
import dev.switchboard.store.CaseStore;
import dev.switchboard.store.TicketStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tickets as cases: the SLA policy chosen by kind and priority, both clocks counted in the centre's
 * business hours (its time zone, working days and holidays) and paused while the ticket waits on the
 * customer, the rules of a change (a complaint is closed only with the answer to "did the reply address
 * it?"), and the escalation: a clock at 80% of its target warns the supervisors once; a missed one
 * raises the priority a step and is shown to the supervisors until the ticket is resolved. The time
 * promised to a complaint's customer is watched the same way.
 */
public final class CaseService {
    /** A clock this far through its target is near. */
    static final double NEAR = 0.8;
    /** A promise to the customer this close is near. */
    static final Duration PROMISE_WARNING = Duration.ofHours(1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private final CaseStore cases;
    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Clock clock;
    private volatile BusinessCalendar calendar;
    private volatile Map<TicketKind, Map<TicketPriority, CaseStore.Policy>> policies;
    /** The SLA alerts of open tickets as the last round saw them, by ticket. */
    private final Map<Long, AlertView> alerts = new ConcurrentHashMap<>();

    private volatile java.util.function.LongFunction<String> names = id -> null;

    public CaseService(CaseStore cases, ZoneId zone, LocalTime opens, LocalTime closes, Clock clock) {
        this.cases = cases;
        this.zone = zone;
        this.opens = opens;
        this.closes = closes;
        this.clock = clock;
        reload();
    }

    /** Reads the policies and holidays again (after an administrator changed them). */
    public void reload() {
        Map<TicketKind, Map<TicketPriority, CaseStore.Policy>> byKind = new EnumMap<>(TicketKind.class);
        for (CaseStore.Policy p : cases.policies()) {
            byKind.computeIfAbsent(p.kind(), k -> new EnumMap<>(TicketPriority.class)).put(p.priority(), p);
        }
        policies = byKind;
        calendar = BusinessCalendar.weekdays("Centre", zone, opens, closes,
                cases.holidays().stream().map(CaseStore.Holiday::day).collect(Collectors.toSet()));
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    public ZoneId zone() {
        return zone;
    }

    // ---- a new ticket ----

    /** The case of a new ticket: its clocks start now with the targets of its kind and priority. */
    public CaseFile opened(TicketKind kind, TicketPriority priority, Severity severity, String department,
                           String category, Instant promisedAt, Instant now) {
        CaseStore.Policy p = policy(kind, priority);
        CaseFile base = CaseFile.NONE.withComplaint(kind, severity, department, category, promisedAt, null);
        return p == null ? base : base.withClock(now, p.responseMinutes(), p.resolveMinutes(), 0, null, null);
    }

    /** When the ticket is due to be resolved, as its clock stands now (null without a clock). */
    public Instant resolutionDue(CaseFile f, Instant now) {
        SlaClock c = resolutionClock(f);
        return c == null ? null : c.due(calendar, now);
    }

    // ---- a change ----

    /**
     * What an update makes of the ticket as it is: checked first, so a refused change writes nothing.
     * Pending pauses the clocks (the ticket waits on the customer); open again resumes them; solved or
     * closed stops the resolution clock, and reopening counts the time it was closed as paused.
     */
    public TicketStore.Change change(Ticket t, TicketUpdateRequest r, Instant now) {
        TicketStatus status = r.status() != null ? r.status() : t.status();
        TicketPriority priority = r.priority() != null ? r.priority() : t.priority();
        String subject = r.subject() != null ? r.subject().trim() : t.subject();
        CaseFile f = t.caseFile();
        List<String> history = new ArrayList<>();
        if (t.caseFile().mergedInto() != null && r.status() != null && r.status().isOpen()) {
            throw ApiProblem.conflict("merged", "ticket " + t.id() + " was merged into T-" + f.mergedInto()
                    + ": work on that ticket");
        }
        boolean closing = r.status() != null && !status.isOpen() && t.status().isOpen();
        if (f.kind() == TicketKind.COMPLAINT && closing && r.addressed() == null && f.addressed() == null) {
            throw ApiProblem.badRequest("addressed", "say whether the reply addressed the complaint the customer "
                    + "actually raised (addressed: true or false) to solve or close a complaint");
        }
        if (r.addressed() != null && f.kind() != TicketKind.COMPLAINT) {
            throw ApiProblem.badRequest("addressed", "only a complaint records whether the reply addressed it");
        }
        if ((r.severity() != null || r.department() != null || r.category() != null)
                && f.kind() != TicketKind.COMPLAINT) {
            throw ApiProblem.badRequest(r.severity() != null ? "severity" : r.department() != null ? "department"
                    : "category", "severity, department and category belong to complaints");
        }
        String department = r.department() != null ? Requests.required("department", r.department(), 80) : f.department();
        String category = r.category() != null ? Requests.required("category", r.category(), 80) : f.category();
        if (r.promisedAt() != null && r.promisedAt().isBefore(t.createdAt())) {
            throw ApiProblem.badRequest("promisedAt", "the promised time cannot be before the ticket was opened");
        }
        if (!subject.equals(t.subject())) {
            history.add("Subject changed to \"" + subject + "\"");
        }
        if (status != t.status()) {
            history.add("Status " + t.status() + " → " + status);
        }
        if (priority != t.priority()) {
            history.add("Priority " + t.priority() + " → " + priority);
        }
        if (r.severity() != null && r.severity() != f.severity()) {
            history.add("Severity set to " + r.severity());
        }
        if (!Objects.equals(department, f.department())) {
            history.add("Department set to " + department);
        }
        if (!Objects.equals(category, f.category())) {
            history.add("Category set to " + category);
        }
        if (r.promisedAt() != null && !r.promisedAt().equals(f.promisedAt())) {
            history.add("Customer promised an answer by " + when(r.promisedAt()));
        }
        if (r.addressed() != null && !r.addressed().equals(f.addressed())) {
            history.add(r.addressed() ? "Closing check: the reply addressed the complaint raised"
                    : "Closing check: the reply did NOT address the complaint raised");
        }
        f = f.withComplaint(f.kind(), r.severity() != null ? r.severity() : f.severity(), department, category,
                r.promisedAt() != null ? r.promisedAt() : f.promisedAt(),
                r.addressed() != null ? r.addressed() : f.addressed());
        f = clocks(f, t.status(), status, priority, now, history);
        return new TicketStore.Change(subject, status, priority, f, history);
    }

    private CaseFile clocks(CaseFile f, TicketStatus from, TicketStatus to, TicketPriority priority, Instant now,
                            List<String> history) {
        if (f.slaStartedAt() == null) {
            return f;
        }
        long paused = f.pausedMillis();
        Instant since = f.pausedSince();
        Instant resolved = f.resolvedAt();
        if (since != null && to != TicketStatus.PENDING) {
            paused += calendar.between(since, now).toMillis(); // back from waiting on the customer
            since = null;
        }
        if (!from.isOpen() && to.isOpen() && resolved != null) {
            paused += calendar.between(resolved, now).toMillis(); // reopened: the time closed does not count
            resolved = null;
            history.add("Reopened: the resolution clock runs again");
        }
        if (to == TicketStatus.PENDING && from != TicketStatus.PENDING) {
            since = now;
            history.add("Waiting on the customer: SLA clocks paused");
        } else if (from == TicketStatus.PENDING && to == TicketStatus.OPEN) {
            history.add("Customer answered: SLA clocks running again");
        }
        if (!to.isOpen() && resolved == null) {
            resolved = now;
        }
        Integer response = f.responseTargetMin();
        Integer resolve = f.resolveTargetMin();
        CaseStore.Policy p = policy(f.kind(), priority);
        if (p != null) {
            response = p.responseMinutes();
            resolve = p.resolveMinutes();
        }
        CaseFile next = f.withClock(f.slaStartedAt(), response, resolve, paused, since, resolved);
        // a change of priority may move a clock back out of warning: let the next round judge again
        return Objects.equals(resolve, f.resolveTargetMin()) ? next : next.withEscalation(0);
    }

    // ---- the view ----

    /** The ticket's case as the agent sees it now. */
    public CaseView view(Ticket t) {
        Instant now = clock.instant();
        CaseFile f = t.caseFile();
        return new CaseView(f.kind(), sla(responseClock(f), t.firstResponseAt(), now),
                sla(resolutionClock(f), f.resolvedAt(), now), f.severity(), f.department(), f.category(),
                f.promisedAt(), f.addressed(), f.mergedInto(), f.linkedIds(), f.watcherIds(),
                f.history().stream().map(h -> new TicketHistoryView(h.at(), h.actorId(), h.actorName(), h.what()))
                        .toList(), f.assigneeId(), f.assigneeId() == null ? null : names.apply(f.assigneeId()));
    }

    /** Where the names of the people tickets are assigned to come from (a cached read: the pop shows tickets). */
    public void namesFrom(java.util.function.LongFunction<String> names) {
        this.names = names;
    }

    private SlaView sla(SlaClock c, Instant stoppedAt, Instant now) {
        if (c == null) {
            return null;
        }
        Instant at = stoppedAt != null ? stoppedAt : now;
        return new SlaView(c.target().toMinutes(), c.used(calendar, at).toMinutes(), c.due(calendar, at),
                c.state(calendar, at, NEAR), stoppedAt);
    }

    static SlaClock responseClock(CaseFile f) {
        return f.slaStartedAt() == null || f.responseTargetMin() == null ? null : clock(f, f.responseTargetMin());
    }

    static SlaClock resolutionClock(CaseFile f) {
        return f.slaStartedAt() == null || f.resolveTargetMin() == null ? null : clock(f, f.resolveTargetMin());
    }

    private static SlaClock clock(CaseFile f, int targetMinutes) {
        return new SlaClock(f.slaStartedAt(), Duration.ofMinutes(targetMinutes), Duration.ofMillis(f.pausedMillis()),
                f.pausedSince());
    }

    private CaseStore.Policy policy(TicketKind kind, TicketPriority priority) {
        Map<TicketPriority, CaseStore.Policy> byPriority = policies.get(kind);
        return byPriority == null ? null : byPriority.get(priority);
    }

    String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    // ---- escalation ----

    /** What one escalation round decided for a ticket. */
    public record Escalation(int level, TicketPriority raiseTo, String history, AlertView alert) {
    }

    /**
     * Judges one open ticket's clocks: the alert the supervisors see while a clock is near or missed,
     * and the escalation step to take now (null when none is due). A clock already stopped (answered,
     * resolved) is not judged.
     */
    public Escalation judge(Ticket t, Instant now) {
        CaseFile f = t.caseFile();
        SlaState worst = SlaState.RUNNING;
        String what = null;
        Instant due = null;
        SlaClock response = t.firstResponseAt() == null ? responseClock(f) : null;
        SlaClock resolution = f.resolvedAt() == null ? resolutionClock(f) : null;
        for (SlaClock c : new SlaClock[] {response, resolution}) {
            if (c == null) {
                continue;
            }
            SlaState s = c.state(calendar, now, NEAR);
            if (rank(s) > rank(worst)) {
                worst = s;
                what = c == response ? "first response" : "resolution";
                due = c.due(calendar, now);
            }
        }
        if (f.promisedAt() != null && f.resolvedAt() == null) {
            // the time told to the customer is kept to, whatever the policy's target
            SlaState promise = !now.isBefore(f.promisedAt()) ? SlaState.BREACHED
                    : !now.isBefore(f.promisedAt().minus(PROMISE_WARNING)) ? SlaState.NEAR : SlaState.RUNNING;
            if (rank(promise) > rank(worst)) {
                worst = promise;
                what = "answer promised to the customer";
                due = f.promisedAt();
            }
        }
        String label = "T-" + t.id() + (f.kind() == TicketKind.COMPLAINT ? " complaint" : "") + " \"" + t.subject() + "\"";
        if (worst == SlaState.BREACHED) {
            AlertView alert = new AlertView("TICKET_SLA", "CRITICAL", null, null,
                    label + ": " + what + " target missed (was due " + when(due) + ")");
            if (f.escalation() >= 2) {
                return new Escalation(2, null, null, alert);
            }
            TicketPriority up = t.priority() == TicketPriority.URGENT ? null
                    : TicketPriority.values()[t.priority().ordinal() + 1];
            return new Escalation(2, up, "Escalated: " + what + " target missed (was due " + when(due) + ")"
                    + (up == null ? "" : "; priority raised to " + up) + "; supervisors told", alert);
        }
        if (worst == SlaState.NEAR) {
            AlertView alert = new AlertView("TICKET_SLA", "WARNING", null, null,
                    label + ": " + what + " due " + when(due));
            return f.escalation() >= 1 ? new Escalation(f.escalation(), null, null, alert)
                    : new Escalation(1, null, "Warning: " + what + " due " + when(due) + "; supervisors told", alert);
        }
        return new Escalation(f.escalation(), null, null, null);
    }

    private static int rank(SlaState s) {
        return switch (s) {
            case RUNNING, PAUSED -> 0;
            case NEAR -> 1;
            case BREACHED -> 2;
        };
    }

    /** Keeps the alert of a ticket for the supervisors' dashboard (or drops it). */
    void alert(long ticketId, AlertView alert) {
        if (alert == null) {
            alerts.remove(ticketId);
        } else {
            alerts.put(ticketId, alert);
        }
    }

    /** Forgets the alerts of tickets the last round did not see open. */
    void keepAlertsOf(Set<Long> open) {
        alerts.keySet().retainAll(new HashSet<>(open));
    }

    /** The tickets' SLA alerts, missed first. */
    public List<AlertView> alerts() {
        return alerts.values().stream()
                .sorted((a, b) -> a.severity().equals(b.severity()) ? a.message().compareTo(b.message())
                        : "CRITICAL".equals(a.severity()) ? -1 : 1)
                .toList();
    }
}
