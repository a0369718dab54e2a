package dev.switchboard.server;

import dev.switchboard.api.AdminUserView;
import dev.switchboard.api.NewUserRequest;
import dev.switchboard.api.QueueRequest;
import dev.switchboard.api.QueueView;
import dev.switchboard.domain.ContactQueue;
import dev.switchboard.api.TeamView;
import dev.switchboard.api.UnitView;
import dev.switchboard.api.UserUpdateRequest;
import dev.switchboard.domain.Role;
import dev.switchboard.server.security.PasswordPolicy;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.Database;
import dev.switchboard.store.OrganisationStore;
import dev.switchboard.store.RoutingStore;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What administrators manage: people (role, team, skills, password, whether they may sign in),
 * business units and teams, queues, reason codes and dispositions, which unit a customer belongs to. Each
 * change is checked whole before anything is written, written in one transaction, and audited with
 * the value before and after. Disabling a person, changing their role or setting their password ends
 * their sessions at once; skills take effect at their next sign-in.
 */
public final class AdminService {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");
    private static final Pattern SKILL = Pattern.compile("[a-z0-9_-]{1,40}");
    static final int MAX_SKILL_LEVEL = 10;

    private final AgentStore agents;
    private final RoutingStore routing;
    private final OrganisationStore organisation;
    private final Database database;
    private final AuthService auth;
    private final RoutingService routingService;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final WorkDistributor work;
    /** One queue change at a time, so the store and routing never end up disagreeing. */
    private final Object queueChanges = new Object();

    public AdminService(AgentStore agents, RoutingStore routing, OrganisationStore organisation, Database database,
                        AuthService auth, RoutingService routingService, Scopes scopes,
                        AuditTrail audit, WorkDistributor work) {
        this.work = work;
        this.agents = agents;
        this.routing = routing;
        this.organisation = organisation;
        this.database = database;
        this.auth = auth;
        this.routingService = routingService;
        this.scopes = scopes;
        this.audit = audit;
    }

    public List<AdminUserView> users() {
        return agents.accounts().stream().map(this::view).toList();
    }

    private AdminUserView view(AgentStore.Account a) {
        return new AdminUserView(a.agent().id(), a.agent().username(), a.agent().displayName(), a.agent().role(),
                a.teamId(), a.disabled(), new TreeMap<>(routing.skills(a.agent().id())));
    }

    public AdminUserView createUser(Session admin, NewUserRequest r) {
        String username = Requests.required("username", r.username(), 64).toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw ApiProblem.badRequest("username", "a user name is 2 to 64 lower-case letters, digits, dots, dashes "
                    + "or underscores, starting with a letter or digit");
        }
        String displayName = Requests.required("displayName", r.displayName(), 128);
        if (r.role() == null) {
            throw ApiProblem.badRequest("role", "role is required: AGENT, OUTBOUND_AGENT, SUPERVISOR or ADMINISTRATOR");
        }
        checkPassword(username, r.password());
        checkTeam(r.teamId());
        Map<String, Integer> skills = checkedSkills(r.skills() == null ? Map.of() : r.skills());
        if (agents.findByUsername(username).isPresent()) {
            throw ApiProblem.conflict("username_taken", "the user name " + username + " is taken");
        }
        AgentStore.Account created = database.together(() -> {
            AgentStore.Account a = agents.create(username, displayName, r.role(), AuthService.hash(r.password()), r.teamId());
            routing.setSkills(a.agent().id(), skills);
            return a;
        });
        AdminUserView view = view(created);
        scopes.forget();
        audit.record(admin.agentId(), "admin.user.create", "user " + username, null, describe(view));
        return view;
    }

    public AdminUserView updateUser(Session admin, long id, UserUpdateRequest r) {
        AgentStore.Account before = agents.account(id).filter(a -> !a.agent().simulated())
                .orElseThrow(() -> ApiProblem.notFound("user", id));
        String displayName = r.displayName() == null ? null : Requests.required("displayName", r.displayName(), 128);
        boolean noTeam = Boolean.TRUE.equals(r.noTeam());
        if (noTeam && r.teamId() != null) {
            throw ApiProblem.badRequest("teamId", "give teamId or noTeam, not both");
        }
        checkTeam(r.teamId());
        if (r.password() != null) {
            checkPassword(before.agent().username(), r.password());
        }
        Map<String, Integer> skills = r.skills() == null ? null : checkedSkills(r.skills());
        if (id == admin.agentId() && (Boolean.TRUE.equals(r.disabled())
                || r.role() != null && r.role() != Role.ADMINISTRATOR)) {
            throw ApiProblem.conflict("own_account", "you cannot disable your own account or take away your own "
                    + "administrator role; another administrator can");
        }
        String hash = r.password() == null ? null : AuthService.hash(r.password());
        database.together(() -> {
            agents.update(id, new AgentStore.AccountChange(displayName, r.role(), r.teamId(), noTeam, r.disabled(), hash));
            if (skills != null) {
                routing.setSkills(id, skills);
            }
            return null;
        });
        AgentStore.Account after = agents.account(id).orElseThrow();
        boolean endSessions = r.password() != null || after.disabled() && !before.disabled()
                || after.agent().role() != before.agent().role();
        if (endSessions) {
            auth.revokeAll(id); // their last session ending also takes them out of routing
        }
        scopes.forget();
        AdminUserView view = view(after);
        audit.record(admin.agentId(), "admin.user.update", "user " + before.agent().username(), describe(view(before)),
                describe(view) + (r.password() != null ? ", password set" : ""));
        return view;
    }

    private void checkPassword(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw ApiProblem.badRequest("password", "password is required");
        }
        PasswordPolicy.check(username, password);
    }

    private void checkTeam(Long teamId) {
        if (teamId != null && organisation.team(teamId).isEmpty()) {
            throw new ApiProblem(400, "invalid", "team " + teamId + " does not exist", "teamId");
        }
    }

    private static Map<String, Integer> checkedSkills(Map<String, Integer> skills) {
        Map<String, Integer> out = new TreeMap<>();
        for (Map.Entry<String, Integer> e : skills.entrySet()) {
            if (e.getKey() == null || !SKILL.matcher(e.getKey()).matches()) {
                throw ApiProblem.badRequest("skills", "a skill is 1 to 40 lower-case letters, digits, dashes or "
                        + "underscores, not \"" + e.getKey() + "\"");
            }
            if (e.getValue() == null || e.getValue() < 1 || e.getValue() > MAX_SKILL_LEVEL) {
                throw ApiProblem.badRequest("skills", "the level of " + e.getKey() + " must be from 1 to "
                        + MAX_SKILL_LEVEL);
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static String describe(AdminUserView u) {
        return u.username() + ": " + u.displayName() + ", " + u.role() + ", team " + (u.teamId() == null ? "none" : u.teamId())
                + (u.disabled() ? ", disabled" : "") + ", skills " + u.skills();
    }

    public List<UnitView> units() {
        long main = organisation.defaultUnit();
        return organisation.units().stream().map(u -> new UnitView(u.id(), u.name(), u.id() == main)).toList();
    }

    public UnitView addUnit(Session admin, String name) {
        String checked = Requests.required("name", name, 100);
        if (organisation.units().stream().anyMatch(u -> u.name().equalsIgnoreCase(checked))) {
            throw ApiProblem.conflict("name_taken", "there is a business unit named " + checked);
        }
        OrganisationStore.Unit u = organisation.addUnit(checked);
        scopes.forget();
        audit.record(admin.agentId(), "admin.unit.create", "unit " + checked, null, "unit " + u.id() + " " + checked);
        return new UnitView(u.id(), u.name(), false);
    }

    public List<TeamView> teams() {
        return organisation.teams().stream().map(t -> new TeamView(t.id(), t.name(), t.unitId())).toList();
    }

    public TeamView addTeam(Session admin, String name, Long unitId) {
        String checked = Requests.required("name", name, 100);
        long unit = unitId == null ? organisation.defaultUnit() : unitId;
        if (organisation.units().stream().noneMatch(u -> u.id() == unit)) {
            throw new ApiProblem(400, "invalid", "business unit " + unit + " does not exist", "unitId");
        }
        if (organisation.teams().stream().anyMatch(t -> t.name().equalsIgnoreCase(checked))) {
            throw ApiProblem.conflict("name_taken", "there is a team named " + checked);
        }
        OrganisationStore.Team t = organisation.addTeam(checked, unit);
        audit.record(admin.agentId(), "admin.team.create", "team " + checked, null,
                "team " + t.id() + " " + checked + " in unit " + unit);
        return new TeamView(t.id(), t.name(), t.unitId());
    }

    /** Adds or relabels a reason code or disposition; routing checks against the new list at once. */
    public void putCode(Session admin, OrganisationStore.CodeList list, String code, String label) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ApiProblem.badRequest("code", "a code is 1 to 40 upper-case letters, digits or underscores");
        }
        String checked = Requests.required("label", label, 80);
        var current = list == OrganisationStore.CodeList.REASON ? routing.reasonCodes() : routing.dispositions();
        String before = current.stream().filter(c -> c.code().equals(code)).map(RoutingStore.Code::label)
                .findFirst().orElse(null);
        if (Objects.equals(before, checked)) {
            return;
        }
        organisation.putCode(list, code, checked);
        routingService.reloadCodes();
        String kind = list == OrganisationStore.CodeList.REASON ? "reason" : "disposition";
        audit.record(admin.agentId(), "admin." + kind + ".put", kind + " " + code, before, checked);
    }

    /** A new queue, stored and in routing at once; agents with its skills are offered its contacts. */
    public QueueView createQueue(Session admin, QueueRequest r) {
        ContactQueue stored;
        synchronized (queueChanges) {
            ContactQueue q = checkedQueue(0, r, null);
            long id = routing.insertQueue(q.name(), q.requiredSkills(), q.priority(), q.slPercent(),
                    (int) q.slThreshold().toSeconds(), (int) q.offerTimeout().toSeconds(), q.wrapUpRequired(),
                    (int) q.wrapUpTimeout().toSeconds());
            stored = withId(q, id);
            work.defineQueue(stored);
        }
        QueueView view = RoutingService.view(stored);
        audit.record(admin.agentId(), "admin.queue.create", "queue " + stored.name(), null, describe(view));
        return view;
    }

    /** Changes a queue's settings: stored first, then in routing at once. */
    public QueueView updateQueue(Session admin, long id, QueueRequest r) {
        if (work.queues().stream().noneMatch(q -> q.id() == id)) {
            throw ApiProblem.notFound("queue", id);
        }
        ContactQueue changed;
        ContactQueue before;
        synchronized (queueChanges) {
            before = work.queue(id);
            changed = checkedQueue(id, r, before);
            if (!routing.updateQueue(changed)) {
                throw ApiProblem.notFound("queue", id);
            }
            work.defineQueue(changed);
        }
        QueueView view = RoutingService.view(changed);
        audit.record(admin.agentId(), "admin.queue.update", "queue " + before.name(),
                describe(RoutingService.view(before)), describe(view));
        return view;
    }

    /** The queue asked for, every field checked before anything is written; {@code before} null for a new one. */
    private ContactQueue checkedQueue(long id, QueueRequest r, ContactQueue before) {
        String name = r.name() == null && before != null ? before.name() : Requests.required("name", r.name(), 80);
        if (work.queues().stream().anyMatch(q -> q.id() != id && q.name().equalsIgnoreCase(name))) {
            throw ApiProblem.conflict("name_taken", "there is a queue named " + name);
        }
        java.util.Set<String> skills = r.requiredSkills() == null
                ? (before == null ? java.util.Set.of() : before.requiredSkills())
                : new java.util.TreeSet<>(checkedSkills(r.requiredSkills().stream()
                        .collect(java.util.stream.Collectors.toMap(k -> k, k -> 1, (a, b) -> a))).keySet());
        int priority = range("priority", r.priority(), before == null ? 0 : before.priority(), 0, 100);
        int slPercent = range("slPercent", r.slPercent(), before == null ? 80 : before.slPercent(), 1, 100);
        int slSeconds = range("slSeconds", r.slSeconds(),
                before == null ? 20 : (int) before.slThreshold().toSeconds(), 1, 3600);
        int offerSeconds = range("offerTimeoutSeconds", r.offerTimeoutSeconds(),
                before == null ? 20 : (int) before.offerTimeout().toSeconds(), 5, 600);
        int wrapSeconds = range("wrapUpSeconds", r.wrapUpSeconds(),
                before == null ? 60 : (int) before.wrapUpTimeout().toSeconds(), 0, 3600);
        boolean wrapRequired = r.wrapUpRequired() != null ? r.wrapUpRequired() : before != null && before.wrapUpRequired();
        return new ContactQueue(id, name, skills, priority, slPercent, java.time.Duration.ofSeconds(slSeconds),
                java.time.Duration.ofSeconds(offerSeconds), wrapRequired, java.time.Duration.ofSeconds(wrapSeconds));
    }

    private static ContactQueue withId(ContactQueue q, long id) {
        return new ContactQueue(id, q.name(), q.requiredSkills(), q.priority(), q.slPercent(), q.slThreshold(),
                q.offerTimeout(), q.wrapUpRequired(), q.wrapUpTimeout());
    }

    private static int range(String field, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw ApiProblem.badRequest(field, field + " must be from " + min + " to " + max);
        }
        return v;
    }

    private static String describe(QueueView q) {
        return q.name() + ": skills " + q.requiredSkills() + ", priority " + q.priority() + ", " + q.slPercent() + " % in "
                + q.slSeconds() + " s, " + q.offerTimeoutSeconds() + " s to accept, wrap-up "
                + (q.wrapUpRequired() ? "required" : "optional") + " " + q.wrapUpSeconds() + " s";
    }

    /** Moves a customer to a business unit: only that unit's people may open them from now on. */
    public void placeCustomer(Session admin, long customerId, Long unitId, boolean customerExists) {
        if (!customerExists) {
            throw ApiProblem.notFound("customer", customerId);
        }
        if (unitId == null) {
            throw ApiProblem.badRequest("unitId", "unitId is required");
        }
        if (organisation.units().stream().noneMatch(u -> u.id() == unitId)) {
            throw new ApiProblem(400, "invalid", "business unit " + unitId + " does not exist", "unitId");
        }
        long before = organisation.customerUnits(List.of(customerId)).getOrDefault(customerId, organisation.defaultUnit());
        organisation.placeCustomer(customerId, unitId);
        audit.record(admin.agentId(), "admin.customer.unit", "customer " + customerId, "unit " + before, "unit " + unitId);
    }
}
