package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.Json;
import dev.switchboard.api.OutboundDialView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.Role;
import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.CallRecord;
import dev.switchboard.domain.outbound.CallingHours;
import dev.switchboard.domain.outbound.CallingWindow;
import dev.switchboard.domain.outbound.Consent;
import dev.switchboard.domain.outbound.ContactZones;
import dev.switchboard.domain.outbound.DialRules;
import dev.switchboard.domain.outbound.DiallingMode;
import dev.switchboard.domain.outbound.DncScope;
import dev.switchboard.domain.outbound.Purpose;
import dev.switchboard.domain.outbound.RecordStatus;
import dev.switchboard.domain.outbound.RetryPolicy;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.CampaignRecordStore;
import dev.switchboard.store.CampaignStore;
import dev.switchboard.store.Database;
import dev.switchboard.store.DoNotCallStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The dialler's own logic against a database and lines the test answers itself: pacing one call per
 * ready agent, an answered call given to the agent with its event, results through the retry rules,
 * an answered call no agent takes abandoned after two seconds, listed numbers never placed, nothing
 * placed while the campaign is paused. The calls themselves are proven over SIP in the voice tests.
 */
class OutboundDiallerTest {
    private static final CallingHours ALL_DAY = CallingHours.everyDay(new CallingWindow(LocalTime.MIN,
            LocalTime.of(23, 59, 59)));

    private final Clock clock = Clock.system(ZoneOffset.UTC);
    private Database db;
    private CampaignStore campaigns;
    private CampaignRecordStore records;
    private DoNotCallStore dnc;
    private FakeLines lines;
    private final List<OutboundDialView> given = new CopyOnWriteArrayList<>();
    private OutboundDialler dialler;
    private Agent ann;
    private Agent ben;
    private long supervisorId;

    /** Lines that ring nowhere: the test says how each call goes. */
    static final class FakeLines implements CampaignLines {
        final Map<String, String> numbers = new ConcurrentHashMap<>();
        final Map<String, Listener> listeners = new ConcurrentHashMap<>();
        final List<String> placed = new CopyOnWriteArrayList<>();
        final List<String> dropped = new CopyOnWriteArrayList<>();
        final Map<String, Long> connected = new ConcurrentHashMap<>();
        private final AtomicLong interactions = new AtomicLong(100);

        @Override
        public boolean canCallOut() {
            return true;
        }

        @Override
        public void checkAgent(Agent agent) {
            // every test agent's phone can ring
        }

        @Override
        public void place(String callId, String number, Duration ringFor, Listener listener) {
            numbers.put(callId, number);
            listeners.put(callId, listener);
            placed.add(callId);
        }

        @Override
        public ScreenPop connect(String callId, Agent agent, Long customerId) {
            connected.put(callId, agent.id());
            try {
                return Json.lenient().readValue("{\"interaction\":{\"id\":" + interactions.incrementAndGet() + "}}",
                        ScreenPop.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void drop(String callId) {
            dropped.add(callId);
        }

        String last() {
            return placed.get(placed.size() - 1);
        }
    }

    @BeforeEach
    void setUp() {
        db = Database.h2Memory("dialler-" + System.nanoTime());
        AgentStore agents = new AgentStore(db.dataSource());
        ann = agents.insert("ann", "Ann", Role.OUTBOUND_AGENT, "x", false);
        ben = agents.insert("ben", "Ben", Role.OUTBOUND_AGENT, "x", false);
        supervisorId = agents.insert("sue", "Sue", Role.SUPERVISOR, "x", false).id();
        campaigns = new CampaignStore(db.dataSource());
        records = new CampaignRecordStore(db.dataSource());
        dnc = new DoNotCallStore(db.dataSource());
        lines = new FakeLines();
        EventHub hub = new EventHub(Json.lenient(), 100, Executors.newSingleThreadExecutor(), () -> 1, 1_000_000);
        hub.tap((type, payload) -> {
            if (EventTypes.OUTBOUND_CALL.equals(type)) {
                given.add((OutboundDialView) payload);
            }
        });
        DialRules rules = new DialRules(clock, new AddressNormalizer("GB"), dnc, new ContactZones());
        dialler = new OutboundDialler(campaigns, records, rules, lines, hub, clock);
        dialler.start();
    }

    @AfterEach
    void tearDown() {
        dialler.close();
        db.close();
    }

    @Test
    void progressiveDialsOneCallPerReadyAgentAndGivesTheAnsweredCallToThem() {
        long id = campaign(DiallingMode.PROGRESSIVE, "+442079460001", "+442079460002", "+442079460003");
        dialler.join(new Session("t", ann), id);

        await().atMost(Duration.ofSeconds(5)).until(() -> lines.placed.size() == 1);
        stays(() -> lines.placed.size() == 1, "one ready agent, one call ringing: no second call");

        String first = lines.last();
        lines.listeners.get(first).answered(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> given.size() == 1);
        assertThat(lines.connected).containsEntry(first, ann.id());
        OutboundDialView call = given.get(0);
        assertThat(call.record().number()).isEqualTo(lines.numbers.get(first));
        assertThat(call.record().heldBy()).isEqualTo(ann.id());
        assertThat(call.call().interaction().id()).isPositive();
        CampaignRecordStore.Stored held = records.find(call.record().id()).orElseThrow();
        assertThat(held.lockedBy()).isEqualTo(ann.id());
        assertThat(held.dialledAt()).isNotNull();
        assertThat(actions(id)).contains("DIAL", "CONNECT");

        stays(() -> lines.placed.size() == 1, "the only agent is on the call: nothing more is dialled");

        // her result frees her: the next number is dialled
        dialler.resultReported(ann.id(), id);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.placed.size() == 2);
        assertThat(lines.numbers.get(lines.last())).isNotEqualTo(lines.numbers.get(first));
    }

    @Test
    void aBusyLineGoesThroughTheRetryRulesAndTheNextRecordIsDialled() {
        long id = campaign(DiallingMode.PROGRESSIVE, "+442079460001", "+442079460002");
        dialler.join(new Session("t", ann), id);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.placed.size() == 1);
        String call = lines.last();
        String number = lines.numbers.get(call);
        lines.listeners.get(call).notAnswered(call, AttemptResult.BUSY, "486 Busy Here");

        await().atMost(Duration.ofSeconds(5)).until(() -> lines.placed.size() == 2);
        CampaignRecordStore.Stored busy = recordOf(id, number);
        assertThat(busy.record().attempts()).isEqualTo(1);
        assertThat(busy.record().lastResult()).contains(AttemptResult.BUSY);
        assertThat(busy.record().status()).isEqualTo(RecordStatus.PENDING);
        assertThat(busy.record().nextAttemptAt()).isPresent();
        assertThat(busy.dialledAt()).isNull();
        assertThat(lines.numbers.get(lines.last())).isNotEqualTo(number);
    }

    @Test
    void anAnsweredCallNoAgentTakesIsAbandonedAfterTwoSeconds() {
        long id = campaign(DiallingMode.PROGRESSIVE, "+442079460001", "+442079460002");
        dialler.join(new Session("t", ann), id);
        Session benSession = new Session("u", ben);
        dialler.join(benSession, id);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.placed.size() == 2);
        String first = lines.placed.get(0);
        String second = lines.placed.get(1);
        lines.listeners.get(first).answered(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> given.size() == 1);
        dialler.leave(benSession, id);   // Ann is on the first call: nobody is free for the second
        Instant answered = Instant.now();
        lines.listeners.get(second).answered(second);

        await().atMost(Duration.ofSeconds(6)).until(() -> lines.dropped.contains(second));
        assertThat(Duration.between(answered, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        assertThat(lines.connected).containsOnlyKeys(first);
        CampaignRecordStore.Stored r = recordOf(id, lines.numbers.get(second));
        assertThat(r.record().lastResult()).contains(AttemptResult.ABANDONED);
        assertThat(r.record().attempts()).isEqualTo(1);
        assertThat(r.dialledAt()).isNull();
        assertThat(records.progress().get(id).abandoned()).isEqualTo(1);
    }

    @Test
    void aCallStillRingingWhenTheLastAgentLeavesIsCancelledUncounted() {
        long id = campaign(DiallingMode.PROGRESSIVE, "+442079460001");
        Session annSession = new Session("t", ann);
        dialler.join(annSession, id);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.placed.size() == 1);
        String call = lines.last();
        dialler.leave(annSession, id);

        assertThat(lines.dropped).containsExactly(call);
        CampaignRecordStore.Stored r = recordOf(id, lines.numbers.get(call));
        assertThat(r.record().attempts()).isZero();
        assertThat(r.dialledAt()).isNull();
        assertThat(r.lockedBy()).isNull();
        assertThat(actions(id)).contains("DIAL_FAILED");
    }

    @Test
    void aListedNumberIsNeverPlacedAndAPausedCampaignPlacesNothing() {
        long id = campaign(DiallingMode.PREDICTIVE, "+442079460001", "+442079460002");
        dnc.add(List.of(new DoNotCallStore.Add(DncScope.GLOBAL, 0, "+442079460001", "asked")), supervisorId,
                clock.instant());
        dialler.join(new Session("t", ann), id);
        dialler.join(new Session("u", ben), id);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.placed.size() == 1);
        stays(() -> lines.placed.size() == 1, "the listed number is never placed");
        assertThat(lines.numbers.values()).containsExactly("+442079460002");
        assertThat(recordOf(id, "+442079460001").blockedReason()).isEqualTo("DNC_GLOBAL");

    }

    @Test
    void aPausedCampaignPlacesNothingUntilItIsResumed() {
        long id = campaign(DiallingMode.PROGRESSIVE, "+442079460003");
        dialler.join(new Session("t", ann), id);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.placed.size() == 1);
        campaigns.setActive(id, false, supervisorId, clock.instant());
        add(id, "+442079460004");
        String call = lines.last();
        lines.listeners.get(call).notAnswered(call, AttemptResult.NO_ANSWER, "no answer");
        stays(() -> lines.placed.size() == 1, "paused: the free agent gets no call");
        assertThatThrownBy(() -> dialler.join(new Session("u", ben), id)).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("paused");

        campaigns.setActive(id, true, supervisorId, clock.instant());
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.placed.size() == 2);
        assertThat(lines.numbers.get(lines.last())).isEqualTo("+442079460004");
    }

    @Test
    void aPreviewCampaignTakesNoSeat() {
        long id = campaign(DiallingMode.PREVIEW, "+442079460001");
        assertThatThrownBy(() -> dialler.join(new Session("t", ann), id)).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("preview campaign");
    }

    private long campaign(DiallingMode mode, String... numbers) {
        CampaignStore.Stored c = campaigns.create(new CampaignStore.NewCampaign("Test " + System.nanoTime(), mode,
                Purpose.SERVICE, ALL_DAY, RetryPolicy.standard(), 0.03, Duration.ofDays(1), "GB",
                dev.switchboard.domain.outbound.Disposition.standard()), supervisorId,
                clock.instant());
        List<CampaignRecordStore.NewRecord> rows = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            rows.add(new CampaignRecordStore.NewRecord(i + 2, CallRecord.fresh("0", Optional.empty(), "Contact " + i,
                    numbers[i], Optional.of(ZoneOffset.UTC), Optional.of("GB"), Set.of(Consent.voice(Purpose.SERVICE)))));
        }
        records.importRecords(c.id(), rows, clock.instant());
        return c.id();
    }

    private void add(long campaignId, String number) {
        records.importRecords(campaignId, List.of(new CampaignRecordStore.NewRecord(9, CallRecord.fresh("0",
                Optional.empty(), "Late contact", number, Optional.of(ZoneOffset.UTC), Optional.of("GB"),
                Set.of(Consent.voice(Purpose.SERVICE))))), clock.instant());
    }

    private CampaignRecordStore.Stored recordOf(long campaignId, String number) {
        for (long i = 1; i < 100; i++) {
            Optional<CampaignRecordStore.Stored> r = records.find(i);
            if (r.isPresent() && r.get().campaignId() == campaignId && r.get().record().number().equals(number)) {
                return r.get();
            }
        }
        throw new AssertionError("no record " + number);
    }

    private List<String> actions(long campaignId) {
        return records.log(campaignId, null, 100).stream().map(l -> l.entry().action()).toList();
    }

    /** Holds for two seconds of the dialler's turns (a thing that must not happen, watched for). */
    private static void stays(java.util.concurrent.Callable<Boolean> condition, String what) {
        await(what).during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(condition);
    }
}
