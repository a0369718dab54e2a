package dev.switchboard.store.pg;

import dev.switchboard.domain.Capacity;
import dev.switchboard.domain.CaseFile;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactPoint;
import dev.switchboard.domain.Customer;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Role;
import dev.switchboard.domain.Routing;
import dev.switchboard.domain.Ticket;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import dev.switchboard.domain.outbound.CallRecord;
import dev.switchboard.domain.outbound.CallingHours;
import dev.switchboard.domain.outbound.CallingWindow;
import dev.switchboard.domain.outbound.Consent;
import dev.switchboard.domain.outbound.DiallingMode;
import dev.switchboard.domain.outbound.Disposition;
import dev.switchboard.domain.outbound.Purpose;
import dev.switchboard.domain.outbound.RetryPolicy;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.AuditStore;
import dev.switchboard.store.CampaignRecordStore;
import dev.switchboard.store.CampaignStore;
import dev.switchboard.store.CustomerMergeStore;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.IdempotencyStore;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.RoutingStore;
import dev.switchboard.store.SettingStore;
import dev.switchboard.store.TicketStore;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stores' main operations behave on PostgreSQL as they do on H2 (where the other store tests run). */
class PgStoresTest extends PgTestBase {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private long agent(String name) {
        return new AgentStore(db.dataSource()).insert(name + System.nanoTime(), name, Role.AGENT, "x", false).id();
    }

    @Test
    void customersAreFoundByContactPointAndNamePrefixInH2Order() {
        CustomerStore customers = new CustomerStore(db.dataSource());
        Customer ann = customers.create("Ann", "Zeta", "Acme", List.of(new ContactPoint(ContactKind.PHONE, "+447700900111",
                "mobile"), new ContactPoint(ContactKind.EMAIL, "ann@example.com", "")), null, T0);
        Customer bob = customers.create("Bob", "Zeta", null, List.of(new ContactPoint(ContactKind.PHONE, "+447700900111",
                "home")), null, T0);
        customers.create("Anna", "Young", null, List.of(), null, T0);
        // byte order, as on H2: upper case before lower case would differ under a language collation
        customers.create("ZZ", "zeta_x", null, List.of(), null, T0);

        assertThat(customers.idsByContact(ContactKind.PHONE, "+447700900111", 10)).containsExactly(ann.id(), bob.id());
        assertThat(customers.idsByContact(ContactKind.EMAIL, "ann@example.com", 10)).containsExactly(ann.id());
        assertThat(customers.idsByContact(ContactKind.EMAIL, "nobody@example.com", 10)).isEmpty();
        List<Customer> holders = customers.findByContact(ContactKind.PHONE, "+447700900111", 10);
        assertThat(holders).extracting(Customer::id).containsExactly(ann.id(), bob.id());
        assertThat(holders.get(0).contactPoints()).extracting(ContactPoint::value)
                .containsExactly("+447700900111", "ann@example.com");
        assertThat(customers.findByContact(ContactKind.PHONE, "+447700900111", 1)).extracting(Customer::id)
                .containsExactly(ann.id());
        assertThat(customers.sharedAddresses(ContactKind.PHONE, 10)).containsExactly("+447700900111");
        assertThat(new CustomerMergeStore(db.dataSource()).holders(ContactKind.PHONE,
                List.of("+447700900999", "+447700900111"), ann.id(), 10))
                .extracting(CustomerMergeStore.Holder::customerId).containsExactly(bob.id());

        Customer read = customers.find(ann.id()).orElseThrow();
        assertThat(read.firstName()).isEqualTo("Ann");
        assertThat(read.company()).isEqualTo("Acme");
        assertThat(read.contactPoints()).extracting(ContactPoint::value).containsExactly("+447700900111", "ann@example.com");
        assertThat(customers.findAll(List.of(bob.id(), ann.id()))).extracting(Customer::id)
                .containsExactlyInAnyOrder(ann.id(), bob.id());
        assertThat(customers.idsByNamePrefix("ann", 10)).hasSize(2).contains(ann.id());
        assertThat(customers.idsByNamePrefix("zeta", 10)).contains(ann.id(), bob.id());
        assertThat(customers.idsByNamePrefix("50%", 10)).as("LIKE wildcards are escaped").isEmpty();
        assertThat(customers.count()).isEqualTo(4);
    }

    @Test
    void namePrefixSearchWalksAnIndexOnPostgres() throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT id, name_key FROM customer WHERE name_key LIKE 'smi%' "
                    + "ORDER BY name_key, id")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("customer_name_key");
        }
    }

    @Test
    void interactionsKeepTheirProgressAndPageTheTimeline() {
        long customer = new CustomerStore(db.dataSource()).create("Tim", "Line", null, List.of(), null, T0).id();
        long agent = agent("ia");
        InteractionStore store = new InteractionStore(db.dataSource());
        List<Long> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant at = T0.plusSeconds(i / 2);
            newestFirst.add(0, store.insert(new Interaction(0, customer, Channel.EMAIL, Direction.INBOUND,
                    InteractionState.ENDED, "tim@example.com", "Hello " + i, "body", at, null, at, null, Routing.NONE)).id());
        }
        List<Long> seen = new ArrayList<>();
        List<Interaction> page = store.timeline(customer, null, null, 3);
        while (!page.isEmpty()) {
            page.forEach(i -> seen.add(i.id()));
            Interaction last = page.get(page.size() - 1);
            page = store.timeline(customer, last.createdAt(), last.id(), 3);
        }
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        Interaction queued = store.insert(new Interaction(0, customer, Channel.PHONE, Direction.INBOUND,
                InteractionState.QUEUED, "+447700900222", "Call", "", T0, null, null, null,
                Routing.NONE.inQueue(1, 2, T0, null)));
        assertThat(store.unfinished()).extracting(Interaction::id).contains(queued.id());
        Interaction active = queued.offeredTo(agent).answered(T0.plusSeconds(5));
        store.updateProgress(active);
        Interaction read = store.find(queued.id()).orElseThrow();
        assertThat(read.state()).isEqualTo(InteractionState.ACTIVE);
        assertThat(read.agentId()).isEqualTo(agent);
        assertThat(read.answeredAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(read.routing().queueId()).isEqualTo(1L);
        assertThat(read.routing().priority()).isEqualTo(2);
        store.updateProgress(active.finished(InteractionState.ENDED, T0.plusSeconds(60),
                active.routing().wrappedUp("RESOLVED", "done")));
        assertThat(store.unfinished()).extracting(Interaction::id).doesNotContain(queued.id());
        assertThat(store.find(queued.id()).orElseThrow().routing().disposition()).isEqualTo("RESOLVED");
    }

    @Test
    void ticketsRefuseAChangeAgainstAnOldVersion() {
        long customer = new CustomerStore(db.dataSource()).create("Tia", "Ket", null, List.of(), null, T0).id();
        TicketStore tickets = new TicketStore(db.dataSource());
        Ticket t = tickets.create(customer, "Broken", TicketPriority.HIGH, null, "first note", null, "Kim", T0);
        assertThat(t.version()).isEqualTo(1);
        Ticket moved = tickets.update(t.id(), 1L, null, TicketStatus.PENDING, null, null, T0.plusSeconds(1)).orElseThrow();
        assertThat(moved.version()).isEqualTo(2);
        assertThatThrownBy(() -> tickets.update(t.id(), 1L, "Other", null, null, null, T0.plusSeconds(2)))
                .isInstanceOfSatisfying(TicketStore.VersionConflict.class,
                        c -> assertThat(c.current().status()).isEqualTo(TicketStatus.PENDING));
        assertThat(tickets.note(t.id(), null, "Kim", "second", T0.plusSeconds(3)).getAsLong()).isEqualTo(3);
        assertThat(tickets.find(t.id()).orElseThrow().subject()).isEqualTo("Broken");
        assertThat(tickets.openByCustomer(customer)).extracting(Ticket::id).containsExactly(t.id());
        assertThat(tickets.update(987_654, null, "x", null, null, null, T0)).isEmpty();
    }

    @Test
    void theEscalationReadsTheTicketsWhoseClocksRun() {
        long customer = new CustomerStore(db.dataSource()).create("Cla", "Ck", null, List.of(), null, T0).id();
        TicketStore tickets = new TicketStore(db.dataSource());
        CaseFile clock = CaseFile.NONE.withClock(T0, 60, 480, 0, null, null);
        Ticket open = tickets.create(customer, "Open", TicketPriority.NORMAL, List.of(), null, null, "", T0, clock, "Opened");
        Ticket pending = tickets.create(customer, "Wait", TicketPriority.NORMAL, List.of(), null, null, "", T0, clock, "Opened");
        tickets.update(pending.id(), null, null, TicketStatus.PENDING, null, null, T0);
        Ticket solved = tickets.create(customer, "Done", TicketPriority.NORMAL, List.of(), null, null, "", T0, clock, "Opened");
        tickets.update(solved.id(), null, null, TicketStatus.SOLVED, null, null, T0);
        Ticket none = tickets.create(customer, "None", TicketPriority.NORMAL, null, null, null, "", T0);

        assertThat(tickets.openWithClocks()).extracting(Ticket::id)
                .contains(open.id(), pending.id()).doesNotContain(solved.id(), none.id());
        assertThat(tickets.openWithClocks()).filteredOn(t -> t.id() == open.id()).singleElement()
                .satisfies(t -> assertThat(t.caseFile().slaStartedAt()).isEqualTo(T0));
    }

    @Test
    void concurrentTicketChangesAgainstOneVersionLetExactlyOneThrough() throws Exception {
        long customer = new CustomerStore(db.dataSource()).create("Con", "Current", null, List.of(), null, T0).id();
        TicketStore tickets = new TicketStore(db.dataSource());
        Ticket t = tickets.create(customer, "Race", TicketPriority.NORMAL, null, null, null, "", T0);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String subject = "Writer " + i;
                Callable<Boolean> write = () -> {
                    try {
                        tickets.update(t.id(), 1L, subject, null, null, null, T0.plusSeconds(1));
                        return true;
                    } catch (TicketStore.VersionConflict e) {
                        return false;
                    }
                };
                results.add(pool.submit(write));
            }
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(tickets.find(t.id()).orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void routingConfigurationAndTheStateLogAreKept() {
        RoutingStore routing = new RoutingStore(db.dataSource());
        assertThat(routing.queues()).extracting(q -> q.name()).contains("General", "Billing", "Chat");
        assertThat(routing.defaultQueue(Channel.CHAT)).isPresent();
        assertThat(routing.reasonCodes()).extracting(RoutingStore.Code::code).contains("BREAK", "NO_ANSWER", "PHONE");
        assertThat(routing.dispositions()).extracting(RoutingStore.Code::code).contains("RESOLVED");
        long queue = routing.insertQueue("Pg queue " + System.nanoTime(), Set.of("pg", "sql"), 3, 90, 15, 20, true, 30);
        assertThat(routing.queues()).anySatisfy(q -> {
            assertThat(q.id()).isEqualTo(queue);
            assertThat(q.requiredSkills()).containsExactlyInAnyOrder("pg", "sql");
        });
        assertThat(routing.setQueuePriority(queue, 7)).isTrue();
        assertThat(routing.setQueuePriority(999_999, 7)).isFalse();

        long agent = agent("rc");
        routing.setSkills(agent, Map.of("pg", 5, "sql", 3));
        assertThat(routing.skills(agent)).isEqualTo(Map.of("pg", 5, "sql", 3));
        Capacity capacity = routing.capacity(agent);
        assertThat(capacity).isNotNull();

        routing.logState(agent, "READY", null, T0);
        routing.logState(agent, "NOT_READY", "BREAK", T0.plusSeconds(60));
        routing.logStates(List.of(new RoutingStore.StateChange(agent, "READY", null, T0.plusSeconds(90))));
        Map<String, Long> seconds = routing.secondsInStates(agent, T0, T0.plusSeconds(100));
        assertThat(seconds).containsEntry("READY", 70L).containsEntry("NOT_READY", 30L);
    }

    @Test
    void anIdempotencyKeyIsClaimedOnceEvenByConcurrentRequests() throws Exception {
        long agent = agent("idem");
        IdempotencyStore store = new IdempotencyStore(db.dataSource());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(pool.submit(() -> store.claim(agent, "same-key", "POST", "/api/v1/x", T0)));
            }
            int first = 0;
            for (Future<Boolean> f : claims) {
                first += f.get() ? 1 : 0;
            }
            assertThat(first).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.find(agent, "same-key").orElseThrow().running()).isTrue();
        store.complete(agent, "same-key", 201, "{\"id\":7}");
        assertThat(store.find(agent, "same-key").orElseThrow().body()).isEqualTo("{\"id\":7}");
        assertThat(store.claim(agent, "other-key", "POST", "/api/v1/x", T0)).isTrue();
        assertThat(store.releaseUnfinished()).isEqualTo(1);
        assertThat(store.forget(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(store.find(agent, "same-key")).isEmpty();
    }

    @Test
    void auditEntriesComeBackNewestFirst() {
        long actor = agent("aud");
        AuditStore audit = new AuditStore(db.dataSource());
        audit.add(actor, "queue.priority", "queue 1", "0", "3", T0);
        audit.add(actor, "agent.state", "agent 2", "READY", "NOT_READY", T0.plusSeconds(1));
        List<AuditStore.Entry> latest = audit.latest(10);
        assertThat(latest).extracting(AuditStore.Entry::action).startsWith("agent.state", "queue.priority");
        assertThat(latest.get(0).at()).isEqualTo(T0.plusSeconds(1));
        assertThat(latest.get(1).before()).isEqualTo("0");
    }

    @Test
    void eventSequenceBlocksNeverOverlapUnderConcurrency() throws Exception {
        SettingStore settings = new SettingStore(db.dataSource());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Long>> starts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                starts.add(pool.submit(() -> settings.reserveSequenceBlock(100)));
            }
            Set<Long> distinct = new java.util.HashSet<>();
            for (Future<Long> f : starts) {
                long start = f.get();
                assertThat((start - 1) % 100).isZero();
                distinct.add(start);
            }
            assertThat(distinct).hasSize(30);
        } finally {
            pool.shutdownNow();
        }
        settings.put("pg.test", "one");
        settings.put("pg.test", "two");
        assertThat(settings.get("pg.test")).contains("two");
    }

    @Test
    void outboundRecordsAreClaimedByOneAgentOnly() {
        long supervisor = agent("sup");
        long ann = agent("ann");
        long bob = agent("bob");
        CampaignStore campaigns = new CampaignStore(db.dataSource());
        CampaignRecordStore records = new CampaignRecordStore(db.dataSource());
        CampaignStore.Stored campaign = campaigns.create(new CampaignStore.NewCampaign("Pg " + System.nanoTime(),
                DiallingMode.PREVIEW, Purpose.SERVICE, CallingHours.everyDay(new CallingWindow(LocalTime.MIN,
                LocalTime.of(23, 59))), RetryPolicy.standard(), 0.03, Duration.ofDays(1), "GB",
                Disposition.standard()), supervisor, T0);
        List<CampaignRecordStore.NewRecord> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new CampaignRecordStore.NewRecord(i + 2, CallRecord.fresh("0", Optional.empty(), "Contact " + i,
                    "+44207946000" + i, Optional.of(ZoneOffset.UTC), Optional.of("GB"),
                    Set.of(Consent.voice(Purpose.SERVICE)))));
        }
        CampaignRecordStore.Saved saved = records.importRecords(campaign.id(), rows, T0);
        assertThat(saved.saved()).isEqualTo(3);
        CampaignRecordStore.Saved again = records.importRecords(campaign.id(), List.of(rows.get(0)), T0);
        assertThat(again.saved()).isZero();
        assertThat(again.alreadyListed()).containsOnlyKeys(2);
        assertThat(campaigns.find(campaign.id()).orElseThrow().campaign().dispositions()).isNotEmpty();

        List<CampaignRecordStore.Stored> forAnn = records.candidates(campaign.id(), ann, T0, T0.minusSeconds(60), 10);
        List<CampaignRecordStore.Stored> forBob = records.candidates(campaign.id(), bob, T0, T0.minusSeconds(60), 10);
        assertThat(forAnn).hasSize(3);
        CampaignRecordStore.Stored first = forAnn.get(0);
        assertThat(forBob.get(0).id()).isEqualTo(first.id());

        assertThat(records.update(first, first.lockedTo(ann, T0), List.of())).isTrue();
        assertThat(records.update(forBob.get(0), forBob.get(0).lockedTo(bob, T0), List.of()))
                .as("bob read the same version: too late").isFalse();
        assertThat(records.heldBy(ann, campaign.id())).map(CampaignRecordStore.Stored::id).contains(first.id());
        assertThat(records.heldBy(bob, campaign.id())).isEmpty();
        assertThat(records.candidates(campaign.id(), bob, T0, T0.minusSeconds(60), 10))
                .extracting(CampaignRecordStore.Stored::id).doesNotContain(first.id()).hasSize(2);
        records.log(new CampaignRecordStore.LogEntry(campaign.id(), first.id(), first.record().number(), ann, "DIAL",
                null, "", null, T0));
        assertThat(records.log(campaign.id(), first.id(), 10)).hasSize(1);
        assertThat(records.progress().get(campaign.id()).records()).isEqualTo(3);
    }
}
