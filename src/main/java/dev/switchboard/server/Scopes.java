package dev.switchboard.server;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.SyncPage;
import dev.switchboard.api.TicketView;
import dev.switchboard.domain.Role;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.OrganisationStore;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each person may see.
 * <ul>
 *   <li>Customers (their card, timeline, tickets, search and lookups): those of the person's business
 *   unit, the unit of their team (no team: the default unit). Administrators see every unit.</li>
 *   <li>An interaction: one offered to or handled by the person, or, for its summary, one still
 *   waiting in a queue or in the history of a customer they may open. Its conversation and call only when offered to or handled by
 *   them; supervisors also those of the agents they oversee (their team's and those in no team; a
 *   supervisor without a team, everyone's) and those still waiting.</li>
 * </ul>
 * Something out of scope is answered as not found, so its existence is not told either. Who is in
 * which team is read once per person and kept until an administrator changes it ({@link #forget}).
 */
public final class Scopes {
    private final AgentStore agents;
    private final OrganisationStore organisation;
    private final Map<Long, Placement> placements = new ConcurrentHashMap<>();
    private volatile Long defaultUnit;
    private volatile Boolean oneUnit;
    private volatile Runnable forgotten = () -> { };

    /** A person's team (null: none) and the unit it belongs to. */
    private record Placement(Long teamId, long unitId) {
    }

    public Scopes(AgentStore agents, OrganisationStore organisation) {
        this.agents = agents;
        this.organisation = organisation;
    }

    /**
     * Forgets every person's placement: an administrator changed people, teams or units (on a
     * cluster the other nodes are told, see {@link #onForget}).
     */
    public void forget() {
        forgetElsewhere();
        forgotten.run();
    }

    /** Forgets every person's placement, changed on another node of the cluster. */
    public void forgetElsewhere() {
        placements.clear();
        defaultUnit = null;
        oneUnit = null;
    }

    /** Called after this server's administrator changed people, teams or units. */
    public void onForget(Runnable listener) {
        this.forgotten = listener;
    }

    private long defaultUnit() {
        Long unit = defaultUnit;
        if (unit == null) {
            unit = organisation.defaultUnit();
            defaultUnit = unit;
        }
        return unit;
    }

    private Placement placement(long agentId) {
        return placements.computeIfAbsent(agentId, id -> {
            Long team = agents.account(id).map(AgentStore.Account::teamId).orElse(null);
            long unit = team == null ? defaultUnit()
                    : organisation.team(team).map(OrganisationStore.Team::unitId).orElse(defaultUnit());
            return new Placement(team, unit);
        });
    }

    /** The business unit whose customers the person may open. */
    public long unitOf(long agentId) {
        return placement(agentId).unitId();
    }

    private static boolean everywhere(Session s) {
        return s.agent().role() == Role.ADMINISTRATOR;
    }

    /** Whether the centre has one business unit, so that every customer is in everyone's. */
    private boolean oneUnit() {
        Boolean one = oneUnit;
        if (one == null) {
            one = organisation.units().size() == 1;
            oneUnit = one;
        }
        return one;
    }

    /** The ids among {@code customerIds} the person may open, in their order. */
    public List<Long> openable(Session s, List<Long> customerIds) {
        if (everywhere(s) || customerIds.isEmpty() || oneUnit()) {
            return customerIds;
        }
        Map<Long, Long> units = organisation.customerUnits(customerIds);
        long own = unitOf(s.agentId());
        long fallback = defaultUnit();
        return customerIds.stream().filter(id -> units.getOrDefault(id, fallback) == own).toList();
    }

    /** The customers among {@code found} the person may open. */
    public List<CustomerSummary> openableSummaries(Session s, List<CustomerSummary> found) {
        Set<Long> allowed = new HashSet<>(openable(s, found.stream().map(CustomerSummary::id).toList()));
        return found.stream().filter(c -> allowed.contains(c.id())).toList();
    }

    /** Whether the person may open every customer (an administrator, or a centre of one unit). */
    public boolean mayOpenEvery(Session s) {
        return everywhere(s) || oneUnit();
    }

    /** Places a customer just created by this person in their business unit. */
    public void placeNew(Session s, long customerId) {
        long unit = unitOf(s.agentId());
        if (unit != defaultUnit()) {
            organisation.placeCustomer(customerId, unit);
        }
    }

    /** Whether the person may open this customer. */
    public boolean mayOpen(Session s, long customerId) {
        return !openable(s, List.of(customerId)).isEmpty();
    }

    /** Throws not found unless the person may open this customer. */
    public void checkCustomer(Session s, long customerId) {
        if (!mayOpen(s, customerId)) {
            throw ApiProblem.notFound("customer", customerId);
        }
    }

    /** Throws not found unless the person may read this interaction's summary. */
    public void checkInteraction(Session s, InteractionView i) {
        // a contact still waiting is in the queue view of everyone its queue reaches
        boolean waiting = i.agentId() == null && i.state() == dev.switchboard.domain.InteractionState.QUEUED;
        if (!waiting && !worksOn(s, i) && (i.customerId() == null || !mayOpen(s, i.customerId()))) {
            throw ApiProblem.notFound("interaction", i.id());
        }
    }

    /** Throws not found unless the interaction was offered to or handled by the person (or their team, for supervisors). */
    public void checkWorkedOn(Session s, InteractionView i) {
        if (!worksOn(s, i)) {
            throw ApiProblem.notFound("interaction", i.id());
        }
    }

    private boolean worksOn(Session s, InteractionView i) {
        if (everywhere(s)) {
            return true;
        }
        if (s.agent().role() == Role.SUPERVISOR && (i.agentId() == null || placement(s.agentId()).teamId() == null)) {
            return true; // still waiting (supervisors steer queues), or a supervisor of the whole centre
        }
        Set<Long> people = s.agent().role() == Role.SUPERVISOR ? team(s.agentId()) : Set.of(s.agentId());
        return i.agentId() != null && people.contains(i.agentId()) || organisation.handledByAny(i.id(), people);
    }

    /**
     * The people a team's supervisor oversees (as {@link Crew} counts them): their team's and those in
     * no team yet, themselves included.
     */
    private Set<Long> team(long agentId) {
        Long team = placement(agentId).teamId();
        Map<Long, Long> teams = agents.teams();
        Set<Long> out = new HashSet<>();
        out.add(agentId);
        agents.all().stream().map(a -> a.id()).filter(id -> team.equals(teams.getOrDefault(id, team))).forEach(out::add);
        return out;
    }

    /** A resync page with what the person may not open taken out: such customers are answered as missing. */
    public SyncPage scoped(Session s, SyncPage page) {
        if (everywhere(s) || oneUnit()) {
            return page;
        }
        Set<Long> allowed = new HashSet<>(openable(s, page.customers().stream().map(CustomerSummary::id).toList()));
        List<Long> missing = new java.util.ArrayList<>(page.missingCustomers());
        page.customers().stream().map(CustomerSummary::id).filter(id -> !allowed.contains(id)).forEach(missing::add);
        Set<Long> ticketCustomers = new HashSet<>(openable(s, page.tickets().stream().map(TicketView::customerId)
                .distinct().toList()));
        return new SyncPage(page.customers().stream().filter(c -> allowed.contains(c.id())).toList(), missing,
                page.tickets().stream().filter(t -> ticketCustomers.contains(t.customerId())).toList(),
                page.unchangedTickets());
    }
}
