package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.InlineTaskRunner;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboard shows, when it asks the server and when it follows the stream. */
class SupervisorViewModelTest {
    private final Harness h = Harness.inline();
    private final SupervisorViewModel vm = new SupervisorViewModel(h.w.session(), h.api, new InlineTaskRunner(),
            h.messages, new EnumText(h.messages), new Formats(h.messages, Fixtures.CLOCK.getZone()),
            new ErrorText(h.messages, "test server"));

    private SupervisorViewModelTest() {
        h.api.useRole(Role.SUPERVISOR);
        h.api.dashboard = Dashboards.of(72.0);
    }

    @Test
    void anAgentsWorkspaceNeverAsksForTheDashboard() {
        assertThat(h.w.supervising()).isFalse();
        assertThat(h.api.dashboardAsks).isEmpty();
    }

    @Test
    void tilesAreColouredAgainstTheQueuesTarget() {
        vm.start();
        QueueTile billing = vm.tiles().get(0);
        assertThat(billing.serviceLevel().text()).isEqualTo("72 %");
        assertThat(billing.serviceLevel().level()).isEqualTo(Level.NEAR);
        assertThat(billing.target()).isEqualTo("target 80 % in 20 s");
        assertThat(billing.staffing()).isEqualTo("6 signed in · 8 needed");
        assertThat(billing.staffLevel()).isEqualTo(Level.MISSED);
        assertThat(billing.longestWait()).isEqualTo("Longest wait 0:42");
        assertThat(billing.waitLevel()).isEqualTo(Level.MISSED);
        assertThat(billing.serviceLevel().formula()).contains("Formula: answered within threshold ÷ offered × 100",
                "threshold: 20 s", "answered within threshold: 36");
        QueueTile sales = vm.tiles().get(1);
        assertThat(sales.serviceLevel().level()).isEqualTo(Level.MET);
        assertThat(sales.longestWait()).as("nobody waits").isEmpty();
        assertThat(vm.alerts()).extracting(AlertItem::critical).containsExactly(true, false);
    }

    @Test
    void onTheStreamsSettingsPushedDashboardsAreShownAndNothingIsPolled() {
        vm.start();
        h.api.emit(EventTypes.DASHBOARD, Dashboards.of(85.0));
        assertThat(vm.tiles().get(0).serviceLevel().text()).isEqualTo("85 %");
        for (int i = 0; i < 5; i++) {
            vm.tick(Fixtures.NOW);
        }
        assertThat(h.api.dashboardAsks).containsExactly("AGAINST 5");
        assertThat(vm.updatedProperty().get()).endsWith("live");
    }

    @Test
    void aPartialDashboardChangesOnlyItsAgentsAndQueuesAndKeepsTheOtherRows() {
        vm.start();
        AgentRow bea = vm.allAgents().stream().filter(r -> r.name().equals("Bea Cruz")).findFirst().orElseThrow();
        SupervisorView whole = Dashboards.of(85.0);
        dev.switchboard.api.AgentMetricsView alex = whole.agents().get(0);
        h.api.emit(EventTypes.DASHBOARD, new SupervisorView(Fixtures.NOW.plusSeconds(1),
                List.of(whole.queues().get(0)),
                List.of(new dev.switchboard.api.AgentMetricsView(alex.agentId(), alex.name(), AgentState.WRAP_UP, null,
                        Fixtures.NOW, null, alex.queueIds(), alex.handledToday() + 1, alex.averageHandleTime(),
                        alex.occupancy())),
                List.of(), true, List.of(9L)));

        assertThat(vm.tiles().get(0).serviceLevel().text()).isEqualTo("85 %");
        assertThat(vm.tiles()).hasSize(2);
        assertThat(vm.allAgents()).extracting(AgentRow::name).containsExactly("Alex Morgan", "Bea Cruz");
        assertThat(vm.allAgents().get(0).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(vm.allAgents().get(1)).as("an unchanged agent keeps its row").isSameAs(bea);
        assertThat(vm.alerts()).isEmpty();
        assertThat(h.api.dashboardAsks).containsExactly("AGAINST 5");
    }

    @Test
    void aChangedRowTakesItsChangedFieldsInPlace() {
        vm.start();
        SupervisorView whole = Dashboards.of(85.0);
        dev.switchboard.api.AgentMetricsView alex = whole.agents().get(0);
        dev.switchboard.api.AgentMetricsView after = new dev.switchboard.api.AgentMetricsView(alex.agentId(),
                alex.name(), AgentState.NOT_READY, "break", Fixtures.NOW.plusSeconds(1), null, alex.queueIds(),
                alex.handledToday() + 1, alex.averageHandleTime(), alex.occupancy());
        h.api.emit(EventTypes.DASHBOARD, new SupervisorView(Fixtures.NOW.plusSeconds(1), List.of(), List.of(),
                List.of(), true, List.of(), List.of(dev.switchboard.api.AgentRowChange.between(alex, after))));

        assertThat(vm.allAgents()).hasSize(whole.agents().size());
        assertThat(vm.allAgents().get(0).name()).isEqualTo("Alex Morgan");
        assertThat(vm.allAgents().get(0).state()).isEqualTo(AgentState.NOT_READY);
        assertThat(vm.allAgents().get(0).handled()).isEqualTo(alex.handledToday() + 1);
        assertThat(h.api.dashboardAsks).containsExactly("AGAINST 5");
    }

    @Test
    void aChangeToAnAgentNotOnTheGridAsksForTheWholeDashboard() {
        vm.start();
        dev.switchboard.api.AgentMetricsView stranger = new dev.switchboard.api.AgentMetricsView(77, "Dee Stone",
                AgentState.READY, null, Fixtures.NOW, null, List.of(), 0, null, null);
        h.api.emit(EventTypes.DASHBOARD, new SupervisorView(Fixtures.NOW.plusSeconds(1), List.of(), List.of(),
                List.of(), true, List.of(), List.of(dev.switchboard.api.AgentRowChange.between(stranger, stranger))));

        assertThat(h.api.dashboardAsks).as("made against a dashboard newer than the grid").hasSize(2);
        assertThat(vm.allAgents()).extracting(AgentRow::name).doesNotContain("Dee Stone");
    }

    @Test
    void aPartialDashboardBeforeAnyWholeOneAsksForTheWhole() {
        h.api.dashboardFailure = new ServerUnreachableException("down", null);
        vm.start();
        h.api.dashboardFailure = null;
        h.api.emit(EventTypes.DASHBOARD, new SupervisorView(Fixtures.NOW, List.of(), List.of(), List.of(), true,
                List.of()));
        assertThat(h.api.dashboardAsks).hasSize(2);
        assertThat(vm.tiles()).hasSize(2);
    }

    @Test
    void afterMissedEventsTheWholeDashboardIsAskedForAgainAndPartialOnesWaitForIt() {
        vm.start();
        h.api.dashboard = Dashboards.of(91.0);
        h.api.dashboardFailure = new ServerUnreachableException("down", null);
        h.api.emit(EventTypes.RESYNC, new dev.switchboard.api.ResyncEvent(10, 50));
        assertThat(h.api.dashboardAsks).containsExactly("AGAINST 5", "AGAINST 5");
        assertThat(vm.tiles().get(0).serviceLevel().text()).as("the last whole one still shows").isEqualTo("72 %");

        // a partial dashboard after the gap is not merged into the old grid: the whole one is asked for
        h.api.dashboardFailure = null;
        SupervisorView whole = Dashboards.of(91.0);
        h.api.emit(EventTypes.DASHBOARD, new SupervisorView(Fixtures.NOW.plusSeconds(1), List.of(), List.of(),
                List.of(), true, List.of()));
        assertThat(h.api.dashboardAsks).hasSize(3);
        assertThat(vm.tiles().get(0).serviceLevel().text()).isEqualTo("91 %");
        assertThat(vm.allAgents()).hasSize(whole.agents().size());
    }

    @Test
    void otherSettingsAreAskedForEveryTwoSecondsAndPushesIgnored() {
        vm.start();
        vm.use(Treatment.IN_FAVOUR, 10);
        assertThat(h.api.dashboardAsks).containsExactly("AGAINST 5", "IN_FAVOUR 10");
        h.api.emit(EventTypes.DASHBOARD, Dashboards.of(5.0));
        assertThat(vm.tiles().get(0).serviceLevel().text()).isEqualTo("72 %");
        vm.tick(Fixtures.NOW);
        assertThat(h.api.dashboardAsks).hasSize(2);
        vm.tick(Fixtures.NOW);
        assertThat(h.api.dashboardAsks).containsExactly("AGAINST 5", "IN_FAVOUR 10", "IN_FAVOUR 10");
        assertThat(vm.updatedProperty().get()).endsWith("refreshed every 2 s");
    }

    @Test
    void agentsFilterByNameAndStateAndTheirTimeInStateTicks() {
        vm.start();
        assertThat(vm.agents()).hasSize(3);
        vm.nameFilterProperty().set("CHEN");
        assertThat(vm.agents()).extracting(AgentRow::name).containsExactly("Chen Li");
        vm.nameFilterProperty().set("");
        vm.stateFilterProperty().set(AgentState.NOT_READY);
        AgentRow bea = vm.agents().get(0);
        assertThat(bea.stateText()).isEqualTo("Not ready (Break)");
        vm.tick(Fixtures.NOW.plusSeconds(5));
        assertThat(bea.timeInStateProperty().get()).isEqualTo("1:20");
    }

    @Test
    void aRefusalAndAnUnreachableServerSayWhy() {
        h.api.useRole(Role.AGENT);
        vm.start();
        assertThat(vm.errorProperty().get()).startsWith("Only supervisors can see the dashboard");
        assertThat(vm.loadingProperty().get()).isFalse();
        vm.tick(Fixtures.NOW);
        vm.tick(Fixtures.NOW);
        assertThat(h.api.dashboardAsks).as("a refusal is not asked again and again").hasSize(1);

        h.api.useRole(Role.SUPERVISOR);
        h.api.dashboardFailure = new ServerUnreachableException("connection refused", null);
        vm.refresh();
        assertThat(vm.errorProperty().get()).startsWith("The dashboard could not be loaded:");
        h.api.dashboardFailure = null;
        vm.refresh();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.tiles()).hasSize(2);
    }

    @Test
    void theChartShowsTheDayFromTheHourBeforeTheFirstContactForOneQueueOrAllCombined() {
        h.api.intervals = Dashboards.intervals();
        vm.start();
        assertThat(h.api.intervalAsks).containsExactly("AGAINST 5");
        ChartData all = vm.chart().dataProperty().get();
        assertThat(all.points()).extracting(ChartPoint::label)
                .containsExactly("08:00", "08:15", "08:30", "08:45", "09:00", "09:15", "09:30", "09:45");
        ChartPoint first = all.points().get(1);
        assertThat(first.offered()).isEqualTo(20);
        assertThat(first.answered()).isEqualTo(19);
        assertThat(first.abandoned()).isEqualTo(1);
        assertThat(first.serviceLevel()).as("weighted by the contacts offered in each queue")
                .isCloseTo(85.5, org.assertj.core.data.Offset.offset(0.001));
        assertThat(all.points().get(0).serviceLevel()).as("nothing to measure yet").isNull();
        assertThat(all.target()).as("Billing aims at 80 %, Sales at 90 %").isNull();
        assertThat(all.note()).contains("80 % to 90 %");

        assertThat(vm.chart().queues()).extracting(QueueChoice::name).containsExactly("All queues", "Billing", "Sales");
        vm.chart().queueProperty().set(1L);
        ChartData billing = vm.chart().dataProperty().get();
        assertThat(billing.target()).isEqualTo(80);
        assertThat(billing.caption()).isEqualTo("Billing · target 80 % in 20 s");
        assertThat(billing.points().get(1).offered()).isEqualTo(10);
        assertThat(billing.points().get(1).serviceLevel()).isEqualTo(71.0);
        assertThat(h.api.intervalAsks).as("choosing a queue asks nothing").hasSize(1);
    }

    @Test
    void whenAbandonsAreIgnoredAllQueuesAreWeightedByTheAnsweredContacts() {
        h.api.intervals = Dashboards.intervals("IGNORE", 5);
        vm.start();
        assertThat(vm.chart().dataProperty().get().points().get(1).serviceLevel())
                .isCloseTo((71.0 * 9 + 100.0 * 10) / 19, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void theChartIsAskedForWithNewSettingsEveryMinuteAndInANewInterval() {
        h.api.intervals = Dashboards.intervals();
        vm.start();
        vm.use(Treatment.IGNORE, 5);
        assertThat(h.api.intervalAsks).containsExactly("AGAINST 5", "IGNORE 5");
        java.time.Instant t = Fixtures.NOW.plusSeconds(60);
        for (int i = 0; i < IntervalChartModel.REFETCH_SECONDS - 1; i++) {
            vm.tick(t);
        }
        assertThat(h.api.intervalAsks).hasSize(2);
        vm.tick(t);
        assertThat(h.api.intervalAsks).containsExactly("AGAINST 5", "IGNORE 5", "IGNORE 5");
        vm.tick(Fixtures.NOW.plusSeconds(15 * 60 + 1));
        assertThat(h.api.intervalAsks).as("10:15 starts a new interval").hasSize(4);
    }

    @Test
    void theQueueFilterShowsTheAgentsWhoServeTheQueueAndTheGridShowsTheirContact() {
        vm.start();
        assertThat(vm.queues()).extracting(QueueChoice::name).containsExactly("All queues", "Billing", "Sales");
        vm.queueFilterProperty().set(2L);
        assertThat(vm.agents()).extracting(AgentRow::name).containsExactly("Bea Cruz", "Chen Li");
        vm.queueFilterProperty().set(null);
        assertThat(vm.agents()).hasSize(3);
        assertThat(vm.agents().get(0).current()).isEqualTo("Phone · Ada Lovelace");
        assertThat(vm.agents().get(1).current()).isEmpty();
    }

    @Test
    void makeNotReadySendsTheReasonAndARefusalShowsTheServersMessage() {
        vm.start();
        AgentRow chen = vm.agents().get(2);
        AgentActions actions = vm.agentActions();
        assertThat(actions.reasons()).extracting(dev.switchboard.api.CodeView::label).contains("Lunch");
        actions.makeNotReady(chen, new dev.switchboard.api.CodeView("LUNCH", "Lunch"));
        assertThat(h.api.stateChanges).hasSize(1);
        assertThat(h.api.stateChanges.get(0).getKey()).isEqualTo(9L);
        assertThat(h.api.stateChanges.get(0).getValue())
                .isEqualTo(new dev.switchboard.api.StateRequest(AgentState.NOT_READY, "LUNCH"));
        assertThat(vm.feedback().textProperty().get()).isEqualTo("Chen Li is now Not ready (Lunch).");
        assertThat(vm.feedback().errorProperty().get()).isFalse();

        h.api.stateFailure = new dev.switchboard.client.ApiException(409,
                new dev.switchboard.api.ApiError("not_signed_in", "Bea Cruz is not signed in", null));
        actions.makeReady(vm.agents().get(1));
        assertThat(vm.feedback().textProperty().get()).isEqualTo("Could not change Bea Cruz’s state: Bea Cruz is not signed in");
        assertThat(vm.feedback().errorProperty().get()).isTrue();
        assertThat(actions.canMakeReady(chen)).as("Chen is ready already (as the dashboard last said)").isFalse();
    }

    @Test
    void aQueuesPriorityIsChangedAndTheDashboardAskedForAgain() {
        vm.start();
        QueueChoice billing = vm.queues().get(1);
        assertThat(billing.priority()).isEqualTo(5);
        vm.queueActions().setPriority(billing, 140);
        assertThat(h.api.priorities).containsExactly(java.util.Map.entry(1L, 100));
        assertThat(vm.feedback().textProperty().get()).isEqualTo("Billing now has priority 100.");
        assertThat(h.api.dashboardAsks).hasSize(2);
    }

    @Test
    void aWaitingContactIsMovedToAnotherQueue() {
        h.api.allWaiting.add(Dashboards.waiting(501, "Ada Lovelace", 1, "Billing", 95));
        h.api.allWaiting.add(Dashboards.waiting(502, "Grace Hopper", 2, "Sales", 10));
        vm.start();
        vm.tick(Fixtures.NOW);
        QueueActions q = vm.queueActions();
        q.waitingQueueProperty().set(1L);
        q.loadWaiting();
        assertThat(q.waiting()).extracting(WaitingItem::who).containsExactly("Ada Lovelace");
        assertThat(q.waiting().get(0).waited()).isEqualTo("1:35");
        q.moveToQueue(q.waiting().get(0), vm.queues().get(2));
        assertThat(h.api.moves).hasSize(1);
        assertThat(h.api.moves.get(0).getValue()).isEqualTo(new dev.switchboard.api.MoveRequest(2L, null));
        assertThat(q.waiting()).as("asked again: Ada now waits in Sales").isEmpty();
        assertThat(vm.feedback().textProperty().get()).isEqualTo("Moved Ada Lovelace to Sales.");
    }

    @Test
    void aReportIsWrittenWholeToTheChosenFileAndAWrongRangeAsksNothing(@org.junit.jupiter.api.io.TempDir
                                                                       java.nio.file.Path dir) throws Exception {
        h.api.intervals = Dashboards.intervals();
        vm.start();
        ReportExport report = vm.report();
        java.time.LocalDate today = java.time.LocalDate.of(2025, 11, 14);
        assertThat(report.today()).isEqualTo(today);
        java.nio.file.Path file = dir.resolve("report.csv");
        assertThat(report.problem(today, today.minusDays(1))).isEqualTo("The first day is after the last day.");
        assertThat(report.problem(today.minusDays(31), today)).isEqualTo("A report covers at most 31 days.");
        assertThat(report.problem(today.minusDays(30), today)).isEmpty();
        assertThat(report.problem(today, today.plusDays(1))).isEqualTo("The days cannot be after today.");
        assertThat(report.export(ReportKind.AGENTS, today, today.minusDays(1), Treatment.AGAINST, 5, file)).isFalse();
        assertThat(h.api.reportAsks).isEmpty();

        h.api.report = "day,agent\n2025-11-14,Chen Li\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(report.export(ReportKind.AGENTS, today.minusDays(6), today, Treatment.IN_FAVOUR, 10, file)).isTrue();
        assertThat(h.api.reportAsks).containsExactly("agents 2025-11-08 2025-11-14 IN_FAVOUR 10");
        assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(h.api.report);
        assertThat(vm.feedback().textProperty().get()).startsWith("Agent report saved as report.csv in ");

        h.api.reportFailure = new dev.switchboard.client.ServerUnreachableException("refused", null);
        report.export(ReportKind.INTERVALS, today, today, Treatment.AGAINST, 5, file);
        assertThat(java.nio.file.Files.readAllBytes(file)).as("the earlier file is left as it was").isEqualTo(h.api.report);
        assertThat(vm.feedback().errorProperty().get()).isTrue();
        try (var left = java.nio.file.Files.list(dir)) {
            assertThat(left).as("no temporary file is left behind").containsExactly(file);
        }
    }
}
