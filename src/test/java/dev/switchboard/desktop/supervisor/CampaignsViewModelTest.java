package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.ApiError;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.InlineTaskRunner;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Campaigns tab shows of each campaign, when it asks, and pausing and resuming. */
class CampaignsViewModelTest {
    private final Harness h = Harness.inline();
    private final CampaignsFakeApi server = new CampaignsFakeApi(h.api);
    private final Feedback feedback = new Feedback();
    private final CampaignsViewModel vm = new CampaignsViewModel(server.api(), new InlineTaskRunner(), h.messages,
            new ErrorText(h.messages, "test server"), feedback);

    private CampaignsViewModelTest() {
        server.campaigns.addAll(CampaignsFakeApi.sample());
    }

    @Test
    void eachCampaignShowsHowFarThroughTheListAndItsAbandonRateAgainstTheLimit() {
        vm.showing(true);
        assertThat(vm.campaigns()).extracting(CampaignRow::name)
                .containsExactly("Winter renewals", "Spring offers", "Debt reminders", "Survey follow-up");

        CampaignRow winter = vm.campaigns().get(0);
        assertThat(winter.mode()).isEqualTo("Preview");
        assertThat(winter.modeNote()).isEmpty();
        assertThat(winter.state()).isEqualTo("Active");
        assertThat(winter.progress()).isEqualTo(0.35);
        assertThat(winter.progressText()).isEqualTo("35 %");
        assertThat(winter.progressTip()).isEqualTo("35 % through the list: 60 closed and 10 blocked of 200 records;"
                + " 130 still to be worked.");
        assertThat(List.of(winter.attempted(), winter.connected(), winter.remaining(), winter.blocked()))
                .containsExactly(120, 82, 130, 10);
        assertThat(winter.abandonText()).isEqualTo("1.2 % (limit 3 %)");
        assertThat(winter.abandonLevel()).isEqualTo(Level.MET);
        assertThat(winter.abandonTip()).isEqualTo("Abandoned ÷ (connected + abandoned) = 1 ÷ 83."
                + " Over 3 % misses the limit; over 2.4 % is close to it.");

        CampaignRow spring = vm.campaigns().get(1);
        assertThat(spring.state()).isEqualTo("Paused");
        assertThat(spring.mode()).isEqualTo("Progressive");
        assertThat(spring.modeNote())
                .isEqualTo("The server dials PROGRESSIVE campaigns for the agents who joined them");
        assertThat(spring.progressText()).isEqualTo("75 %");
        assertThat(spring.abandonText()).isEqualTo("2.7 % (limit 3 %)");
        assertThat(spring.abandonLevel()).isEqualTo(Level.NEAR);

        CampaignRow debt = vm.campaigns().get(2);
        assertThat(debt.progressText()).as("56.25 % is not rounded up").isEqualTo("56 %");
        assertThat(debt.abandonText()).isEqualTo("5.0 % (limit 3 %)");
        assertThat(debt.abandonLevel()).isEqualTo(Level.MISSED);

        CampaignRow survey = vm.campaigns().get(3);
        assertThat(survey.progressText()).isEqualTo("0 %");
        assertThat(survey.abandonText()).as("nothing answered yet").isEqualTo("—");
        assertThat(survey.abandonRate()).isNull();
        assertThat(survey.abandonLevel()).isEqualTo(Level.NONE);
        assertThat(survey.abandonTip()).isEqualTo("No call has been answered yet. The limit is 5 %.");
    }

    @Test
    void theAbandonLimitIsMissedOnlyWhenPassedAndCloseAboveEightyPercentOfIt() {
        assertThat(CampaignRows.abandonLevel(null, 0.03)).isEqualTo(Level.NONE);
        assertThat(CampaignRows.abandonLevel(0.0, 0.03)).isEqualTo(Level.MET);
        assertThat(CampaignRows.abandonLevel(0.024, 0.03)).as("80 % of the limit").isEqualTo(Level.MET);
        assertThat(CampaignRows.abandonLevel(0.0241, 0.03)).isEqualTo(Level.NEAR);
        assertThat(CampaignRows.abandonLevel(0.03, 0.03)).as("at the limit").isEqualTo(Level.NEAR);
        assertThat(CampaignRows.abandonLevel(0.0301, 0.03)).isEqualTo(Level.MISSED);
        assertThat(CampaignRows.abandonLevel(0.0, 0.0)).as("a zero limit, nothing abandoned").isEqualTo(Level.MET);
        assertThat(CampaignRows.abandonLevel(0.01, 0.0)).isEqualTo(Level.MISSED);
    }

    @Test
    void anEmptyListAndAListWithoutRecordsAreSaidSo() {
        server.campaigns.clear();
        vm.showing(true);
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.campaigns()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();

        server.campaigns.add(CampaignsFakeApi.campaign(9, "New list", dev.switchboard.domain.outbound.DiallingMode.PREVIEW,
                true, 0.03, null));
        vm.refresh();
        assertThat(vm.campaigns()).singleElement().satisfies(row -> {
            assertThat(row.progress()).isZero();
            assertThat(row.progressText()).isEqualTo("—");
            assertThat(row.progressTip()).isEqualTo("No records on the list yet.");
        });
    }

    @Test
    void itAsksWhenTheTabOpensAndEveryTenSecondsWhileItStaysOpen() {
        for (int i = 0; i < 30; i++) {
            vm.tick();
        }
        vm.refresh();
        assertThat(server.asks.get()).as("the tab is closed").isZero();

        vm.showing(true);
        assertThat(server.asks.get()).isEqualTo(1);
        for (int i = 0; i < CampaignsViewModel.REFRESH_SECONDS - 1; i++) {
            vm.tick();
        }
        assertThat(server.asks.get()).isEqualTo(1);
        vm.tick();
        assertThat(server.asks.get()).isEqualTo(2);
        vm.refresh();
        assertThat(server.asks.get()).as("Refresh while open").isEqualTo(3);

        vm.showing(false);
        for (int i = 0; i < 30; i++) {
            vm.tick();
        }
        assertThat(server.asks.get()).isEqualTo(3);
        vm.showing(true);
        assertThat(server.asks.get()).as("opened again").isEqualTo(4);
    }

    @Test
    void aRefreshReplacesOnlyTheRowsThatChanged() {
        vm.showing(true);
        CampaignRow winter = vm.campaigns().get(0);
        CampaignRow spring = vm.campaigns().get(1);
        server.progress(1, CampaignsFakeApi.progress(200, 125, 86, 1, 125, 10, 65));
        vm.refresh();
        assertThat(vm.campaigns().get(0)).isNotSameAs(winter);
        assertThat(vm.campaigns().get(0).attempted()).isEqualTo(125);
        assertThat(vm.campaigns().get(0).progressText()).isEqualTo("37 %");
        assertThat(vm.campaigns().get(1)).isSameAs(spring);
    }

    @Test
    void pausingAskedTheServerSaysSoAndShowsTheCampaignPaused() {
        vm.showing(true);
        CampaignRow winter = vm.campaigns().get(0);
        assertThat(vm.pauseQuestion(winter))
                .isEqualTo("Pause Winter renewals? Agents get no more records from it until you resume it.");
        assertThat(vm.actionText(winter)).isEqualTo("Pause…");
        int asked = server.asks.get();

        vm.toggle(winter);
        assertThat(server.setActive).containsExactly("1 false");
        assertThat(feedback.textProperty().get()).isEqualTo("Winter renewals is paused.");
        assertThat(feedback.errorProperty().get()).isFalse();
        assertThat(vm.campaigns().get(0).state()).isEqualTo("Paused");
        assertThat(vm.actionText(vm.campaigns().get(0))).isEqualTo("Resume");
        assertThat(server.asks.get()).as("the list is asked for again").isEqualTo(asked + 1);

        vm.toggle(vm.campaigns().get(1));
        assertThat(server.setActive).containsExactly("1 false", "2 true");
        assertThat(feedback.textProperty().get()).isEqualTo("Spring offers is active again.");
        assertThat(vm.campaigns().get(1).state()).isEqualTo("Active");
    }

    @Test
    void aRefusalShowsTheServersReason() {
        vm.showing(true);
        server.setFailure = new ApiException(409, new ApiError("campaign_finished",
                "Winter renewals has no records left to hand out.", null));
        vm.toggle(vm.campaigns().get(0));
        assertThat(feedback.textProperty().get())
                .isEqualTo("Could not pause Winter renewals: Winter renewals has no records left to hand out.");
        assertThat(feedback.errorProperty().get()).isTrue();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.campaigns().get(0).state()).isEqualTo("Active");
    }

    @Test
    void aFailedLoadSaysWhyAndTheNextGoodAnswerClearsIt() {
        server.listFailure = new ServerUnreachableException("refused", null);
        vm.showing(true);
        assertThat(vm.errorProperty().get()).isEqualTo("The campaigns could not be loaded: The server at test server"
                + " does not answer. Check that it is running and try again.");
        assertThat(vm.loadedProperty().get()).isFalse();

        server.listFailure = null;
        for (int i = 0; i < CampaignsViewModel.REFRESH_SECONDS; i++) {
            vm.tick();
        }
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.campaigns()).hasSize(4);
    }

    @Test
    void aRefusedListIsNotAskedForAgainOnTheTicker() {
        server.listFailure = new ApiException(403, new ApiError("forbidden", "Supervisors only.", null));
        vm.showing(true);
        assertThat(vm.errorProperty().get()).startsWith("Only supervisors can see every campaign.");
        for (int i = 0; i < 3 * CampaignsViewModel.REFRESH_SECONDS; i++) {
            vm.tick();
        }
        assertThat(server.asks.get()).isEqualTo(1);
        vm.refresh();
        assertThat(server.asks.get()).as("Refresh tries again").isEqualTo(2);
    }

    @Test
    void anOlderAnswerArrivingLastIsDroppedAndNothingIsAskedOnceClosed() {
        List<Runnable> held = new ArrayList<>();
        TaskRunner holding = new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Exception> onFailure) {
                held.add(() -> new InlineTaskRunner().run(work, onSuccess, onFailure));
            }

            @Override
            public void shutdown() {
            }
        };
        CampaignsViewModel slow = new CampaignsViewModel(server.api(), holding, h.messages,
                new ErrorText(h.messages, "test server"), feedback);
        slow.showing(true);
        slow.refresh();
        assertThat(held).hasSize(2);
        held.get(1).run(); // the newer ask is answered first
        assertThat(slow.campaigns()).hasSize(4);
        server.campaigns.clear();
        held.get(0).run(); // then the older one, with what the server had before
        assertThat(slow.campaigns()).as("the older answer is dropped").hasSize(4);

        slow.dispose();
        slow.showing(false);
        slow.showing(true);
        slow.refresh();
        assertThat(held).as("nothing is asked once the dashboard closed").hasSize(2);
    }

    @Test
    void theDashboardsTickerAndRefreshDriveTheTab() {
        h.api.useRole(Role.SUPERVISOR);
        h.api.dashboard = Dashboards.of(72.0);
        SupervisorViewModel dashboard = new SupervisorViewModel(h.w.session(), server.api(), new InlineTaskRunner(),
                h.messages, new EnumText(h.messages), new Formats(h.messages, Fixtures.CLOCK.getZone()),
                new ErrorText(h.messages, "test server"));
        dashboard.start();
        assertThat(server.asks.get()).as("not until the tab is opened").isZero();
        dashboard.campaigns().showing(true);
        for (int i = 0; i < CampaignsViewModel.REFRESH_SECONDS; i++) {
            dashboard.tick(Fixtures.NOW);
        }
        assertThat(server.asks.get()).isEqualTo(2);
        dashboard.refresh();
        assertThat(server.asks.get()).isEqualTo(3);
        dashboard.dispose();
    }
}
