package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.EventTypes;
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
}
