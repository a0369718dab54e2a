package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.ComplaintReportView;
import dev.switchboard.api.FirstResponseReportView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.QueuedTaskRunner;
import dev.switchboard.domain.TicketKind;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CaseReportModelTest {
    private final FakeApi api = new FakeApi();
    private final QueuedTaskRunner tasks = new QueuedTaskRunner();
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final CaseReportModel model = new CaseReportModel(api, tasks, messages, new EnumText(messages),
            new ErrorText(messages, "test server"));

    CaseReportModelTest() {
        api.firstResponses = CaseReports.firstResponses();
        api.complaints = CaseReports.complaints();
    }

    @Test
    void bothReportsAreAskedInTheBackgroundForTheChosenDays() {
        model.choose(30);
        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.reportProperty().get()).isNull();
        assertThat(api.calls).isEmpty();
        tasks.runAll();
        assertThat(api.calls).containsExactly("firstResponseReport 30", "complaintReport 30");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.reportProperty().get().days()).isEqualTo(30);
    }

    @Test
    void eachKindIsInWordsAndAMedianOverTargetIsMarked() {
        CaseReport r = load(30);
        assertThat(r.kinds()).extracting(CaseReport.KindLine::kind)
                .containsExactly("Question", "Problem", "Request", "Complaint");
        CaseReport.KindLine problem = r.kinds().get(1);
        assertThat(problem.average()).isEqualTo("3 h 33 min");
        assertThat(problem.median()).isEqualTo("4 h 06 min");
        assertThat(problem.target()).isEqualTo("4 h");
        assertThat(problem.withinTarget()).isEqualTo("61.1 %");
        assertThat(problem.overTarget()).isTrue();
        assertThat(problem.note()).isEqualTo("The median first response, 4 h 06 min, is over the target of 4 h.");
        assertThat(r.kinds()).filteredOn(CaseReport.KindLine::overTarget).containsExactly(problem);
        CaseReport.KindLine request = r.kinds().get(2);
        assertThat(List.of(request.average(), request.median(), request.withinTarget())).containsOnly("—");
        assertThat(request.target()).isEqualTo("8 h");
    }

    @Test
    void aMedianOnItsTargetIsNotOver() {
        api.firstResponses = new FirstResponseReportView(30, List.of(
                new FirstResponseReportView.Row(TicketKind.QUESTION, 4, 4, 50.0, 60.2, 60, 100.0)), List.of());
        assertThat(load(30).kinds().get(0).overTarget()).isFalse();
    }

    @Test
    void noTicketOpenedIsSaidInWords() {
        api.firstResponses = new FirstResponseReportView(7, List.of(
                new FirstResponseReportView.Row(TicketKind.QUESTION, 0, 0, null, null, 60, null),
                new FirstResponseReportView.Row(TicketKind.PROBLEM, 0, 0, null, null, 240, null)), List.of());
        CaseReport r = load(7);
        assertThat(r.kinds()).isEmpty();
        assertThat(r.kindsEmpty()).isEqualTo("No tickets opened in the last 7 days");
    }

    @Test
    void complaintsAreLargestFirstWithoutAnUnsetName() {
        CaseReport r = load(30);
        assertThat(r.complaints()).isEqualTo(14);
        assertThat(r.complaintsText()).isEqualTo("14 complaints in the last 30 days");
        assertThat(r.byCategory()).extracting(CaseReport.CountLine::name)
                .containsExactly("Billing", "Delivery", "Product quality", "Not set");
        assertThat(r.bySegment()).extracting(CaseReport.CountLine::name)
                .containsExactly("Retail", "Business", "Not set");
        assertThat(r.bySegment().get(0).share()).isEqualTo(1.0);
        assertThat(r.bySegment().get(1).share()).isEqualTo(6.0 / 7);
        assertThat(r.byCategory().get(0).tip()).isEqualTo("Billing: 6 of 14 complaints (43 %)");
    }

    @Test
    void everyWeekIsShownWithItsCategoriesAddedUpOverSegments() {
        CaseReport r = load(30);
        assertThat(r.categories()).containsExactly("Billing", "Delivery", "Product quality", "Not set");
        assertThat(r.weeks()).extracting(CaseReport.WeekLine::week)
                .containsExactly("Oct 20, 2025", "Oct 27, 2025", "Nov 3, 2025", "Nov 10, 2025");
        assertThat(r.weeks().get(1).counts()).containsExactly(2, 0, 1, 1);
        assertThat(r.weeks().get(2).counts()).as("a week without complaints").containsExactly(0, 0, 0, 0);
        assertThat(r.weeks().get(3).counts()).containsExactly(2, 3, 2, 0);
        assertThat(r.weeks()).extracting(CaseReport.WeekLine::total).containsExactly(3, 4, 0, 7);
    }

    @Test
    void noComplaintsIsSaidInWords() {
        api.complaints = null;
        CaseReport r = load(7);
        assertThat(r.complaints()).isZero();
        assertThat(r.complaintsText()).isEqualTo("No complaints in the last 7 days");
        assertThat(r.weeks()).isEmpty();
        assertThat(r.byCategory()).isEmpty();
    }

    @Test
    void oneComplaintIsSingular() {
        api.complaints = new ComplaintReportView(30, 1,
                List.of(new ComplaintReportView.Cell(LocalDate.of(2025, 11, 10), "Billing", "Retail", 1)),
                List.of(new ComplaintReportView.Count("Billing", 1)),
                List.of(new ComplaintReportView.Count("Retail", 1)));
        assertThat(load(30).complaintsText()).isEqualTo("1 complaint in the last 30 days");
    }

    @Test
    void onlyTheNewestChoiceIsShown() {
        model.choose(30);
        model.choose(90);
        tasks.runAll();
        assertThat(model.periodProperty().get()).isEqualTo(90);
        assertThat(model.reportProperty().get().days()).isEqualTo(90);
        assertThat(model.reportProperty().get().kindsCaption()).startsWith("Tickets opened in the last 90 days,");
    }

    @Test
    void aFailureIsNamedAndKeepsWhatWasShownUntilARetryWorks() {
        CaseReport shown = load(30);
        api.unreachable = true;
        model.choose(90);
        tasks.runAll();
        assertThat(model.errorProperty().get()).isEqualTo("The case report could not be loaded: "
                + "The server at test server does not answer. Check that it is running and try again.");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.reportProperty().get()).isSameAs(shown);

        api.unreachable = false;
        model.refresh();
        assertThat(model.errorProperty().get()).as("cleared while asking again").isEmpty();
        tasks.runAll();
        assertThat(model.reportProperty().get().days()).isEqualTo(90);
    }

    @Test
    void anAgentIsToldTheReportIsForSupervisors() {
        ApiException refused = new ApiException(403, new ApiError("forbidden", "supervisors only", null));
        SwitchboardApi refusing = (SwitchboardApi) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SwitchboardApi.class}, (proxy, method, args) -> {
                    throw refused;
                });
        CaseReportModel forAgent = new CaseReportModel(refusing, tasks, messages, new EnumText(messages),
                new ErrorText(messages, "test server"));
        forAgent.choose(30);
        tasks.runAll();
        assertThat(forAgent.errorProperty().get()).startsWith("Only supervisors can see the case report.");
    }

    @Test
    void anAnswerAfterTheDialogClosedIsDropped() {
        model.choose(30);
        model.close();
        tasks.runAll();
        assertThat(model.reportProperty().get()).isNull();
        assertThat(model.loadingProperty().get()).isFalse();
    }

    private CaseReport load(int days) {
        model.choose(days);
        tasks.runAll();
        return model.reportProperty().get();
    }
}
