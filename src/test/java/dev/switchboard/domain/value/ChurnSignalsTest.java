package dev.switchboard.domain.value;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.domain.value.ValueFixtures.NOW;
import static dev.switchboard.domain.value.ValueFixtures.bought;
import static dev.switchboard.domain.value.ValueFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChurnSignalsTest {
    private final ChurnSignals churn = new ChurnSignals();

    @Test
    void aSteadyContentedCustomerShowsNothing() {
        List<Instant> contacts = List.of(daysAgo(100), daysAgo(70), daysAgo(40), daysAgo(10));
        List<Purchase> purchases = List.of(bought(400, "100.00"), bought(200, "100.00"), bought(20, "100.00"));
        List<CaseFact> cases = List.of(new CaseFact(daysAgo(200), daysAgo(190), true));

        assertThat(churn.assess(contacts, purchases, cases, NOW)).isEmpty();
        assertThat(churn.assess(List.of(), List.of(), List.of(), NOW)).isEmpty();
    }

    @Test
    void aLongSilenceAgainstTheUsualContactRhythmIsReported() {
        List<Instant> contacts = List.of(daysAgo(124), daysAgo(184), daysAgo(94), daysAgo(154));

        assertThat(churn.assess(contacts, List.of(), List.of(), NOW)).containsExactly(
                new Signal(ChurnSignals.GROWING_GAP_CONTACTS, "No contact for 94 days; usually every 30 days"));
    }

    @Test
    void aSilenceOfExactlyTwiceTheUsualGapIsNotYetReported() {
        Instant last = daysAgo(60);
        List<Instant> atEdge = List.of(daysAgo(150), daysAgo(120), daysAgo(90), last);
        List<Instant> justOver = List.of(daysAgo(150), daysAgo(120), daysAgo(90), last.minusSeconds(1));

        assertThat(churn.assess(atEdge, List.of(), List.of(), NOW)).isEmpty();
        assertThat(codes(churn.assess(justOver, List.of(), List.of(), NOW)))
                .containsExactly(ChurnSignals.GROWING_GAP_CONTACTS);
    }

    @Test
    void twoEarlierGapsAreTooFewToKnowTheRhythm() {
        List<Instant> contacts = List.of(daysAgo(360), daysAgo(330), daysAgo(300));

        assertThat(churn.assess(contacts, List.of(), List.of(), NOW)).isEmpty();
    }

    @Test
    void theUsualGapIsTheMedianSoOneLongPauseDoesNotHideASilence() {
        // gaps 10, 30 and 200 days: the median is 30, the mean (80) would let 61 days pass unnoticed
        List<Instant> contacts = List.of(daysAgo(301), daysAgo(101), daysAgo(91), daysAgo(61));

        assertThat(churn.assess(contacts, List.of(), List.of(), NOW)).containsExactly(
                new Signal(ChurnSignals.GROWING_GAP_CONTACTS, "No contact for 61 days; usually every 30 days"));
    }

    @Test
    void aCustomerWhoCameBackOnlyAfterALongPauseIsReported() {
        List<Instant> contacts = List.of(daysAgo(189), daysAgo(159), daysAgo(129), daysAgo(99), daysAgo(5));

        assertThat(churn.assess(contacts, List.of(), List.of(), NOW)).containsExactly(
                new Signal(ChurnSignals.GROWING_GAP_CONTACTS,
                        "The last contact came after 94 days without one; usually every 30 days"));
    }

    @Test
    void aLastGapOfExactlyTwiceTheUsualIsNotReported() {
        List<Instant> contacts = List.of(daysAgo(155), daysAgo(125), daysAgo(95), daysAgo(65), daysAgo(5));

        assertThat(churn.assess(contacts, List.of(), List.of(), NOW)).isEmpty();
    }

    @Test
    void contactsAtTheSameInstantCountOnce() {
        // six records but four occasions: three gaps of 30 days, not two gaps of zero among them
        List<Instant> contacts = List.of(daysAgo(94), daysAgo(184), daysAgo(154), daysAgo(154), daysAgo(124),
                daysAgo(94));

        assertThat(churn.assess(contacts, List.of(), List.of(), NOW)).containsExactly(
                new Signal(ChurnSignals.GROWING_GAP_CONTACTS, "No contact for 94 days; usually every 30 days"));
    }

    @Test
    void shortRhythmsAreTalkedAboutInHours() {
        Instant start = NOW.minus(Duration.ofHours(31));
        List<Instant> contacts = List.of(start, start.plus(Duration.ofHours(6)), start.plus(Duration.ofHours(12)),
                start.plus(Duration.ofHours(18)));

        assertThat(churn.assess(contacts, List.of(), List.of(), NOW)).containsExactly(
                new Signal(ChurnSignals.GROWING_GAP_CONTACTS, "No contact for 13 hours; usually every 6 hours"));
    }

    @Test
    void purchasesFollowTheSameRuleAndRefundsAreNotVisits() {
        List<Purchase> purchases = List.of(bought(380, "50.00"), bought(320, "50.00"), bought(260, "50.00"),
                bought(200, "50.00"), bought(10, "-20.00"));

        assertThat(signal(churn.assess(List.of(), purchases, List.of(), NOW), ChurnSignals.GROWING_GAP_PURCHASES))
                .contains("No purchase for 200 days; usually every 60 days");
    }

    @Test
    void aPurchaseSilenceOfExactlyTwiceTheUsualIsNotReported() {
        List<Purchase> purchases = List.of(bought(300, "50.00"), bought(240, "50.00"), bought(180, "50.00"),
                bought(120, "50.00"));

        assertThat(signal(churn.assess(List.of(), purchases, List.of(), NOW), ChurnSignals.GROWING_GAP_PURCHASES))
                .isEmpty();
        List<Purchase> later = List.of(bought(301, "50.00"), bought(241, "50.00"), bought(181, "50.00"),
                bought(121, "50.00"));
        assertThat(signal(churn.assess(List.of(), later, List.of(), NOW), ChurnSignals.GROWING_GAP_PURCHASES))
                .contains("No purchase for 121 days; usually every 60 days");
    }

    @Test
    void recentComplaintsAreCountedOpenOrClosed() {
        List<CaseFact> cases = List.of(
                new CaseFact(daysAgo(10), daysAgo(3), true),
                new CaseFact(daysAgo(80), daysAgo(70), true),
                new CaseFact(daysAgo(5), daysAgo(4), false),
                new CaseFact(daysAgo(90), daysAgo(89), true));

        assertThat(churn.assess(List.of(), List.of(), cases, NOW)).containsExactly(
                new Signal(ChurnSignals.RECENT_COMPLAINTS, "2 complaints in the last 90 days"));
    }

    @Test
    void aComplaintExactlyNinetyDaysOldIsNoLongerRecent() {
        Instant edge = NOW.minus(ChurnSignals.COMPLAINT_WINDOW);
        List<CaseFact> old = List.of(new CaseFact(edge, edge.plusSeconds(60), true));
        List<CaseFact> recent = List.of(new CaseFact(edge.plusSeconds(1), edge.plusSeconds(60), true));

        assertThat(churn.assess(List.of(), List.of(), old, NOW)).isEmpty();
        assertThat(churn.assess(List.of(), List.of(), recent, NOW)).containsExactly(
                new Signal(ChurnSignals.RECENT_COMPLAINTS, "1 complaint in the last 90 days"));
    }

    @Test
    void openTicketsAreCountedWithThoseWaitingLongApart() {
        Instant fourteenDaysAgo = NOW.minus(ChurnSignals.LONG_OPEN_TICKET);
        List<CaseFact> cases = List.of(
                new CaseFact(fourteenDaysAgo.minusSeconds(1), null, false),
                new CaseFact(fourteenDaysAgo, null, false),
                new CaseFact(daysAgo(2), null, false),
                new CaseFact(daysAgo(40), daysAgo(30), false));

        assertThat(churn.assess(List.of(), List.of(), cases, NOW)).containsExactly(
                new Signal(ChurnSignals.UNRESOLVED_TICKETS, "3 open tickets, 1 of them for more than 14 days"));
    }

    @Test
    void theTicketSentenceFitsHowManyAreOpen() {
        assertThat(reasonFor(List.of(new CaseFact(daysAgo(14), null, false))))
                .contains("1 open ticket");
        assertThat(reasonFor(List.of(new CaseFact(daysAgo(15), null, false))))
                .contains("1 open ticket, open for more than 14 days");
        assertThat(reasonFor(List.of(new CaseFact(daysAgo(3), null, false), new CaseFact(daysAgo(1), null, false))))
                .contains("2 open tickets");
        assertThat(reasonFor(List.of(new CaseFact(daysAgo(30), daysAgo(1), false))))
                .isEmpty();
    }

    @Test
    void spendFallingUnderHalfOfTheYearBeforeIsReported() {
        List<Purchase> purchases = List.of(bought(500, "1000.00"), bought(400, "-400.00"), bought(365, "50.00"),
                bought(100, "120.00"), bought(730, "999.00"));

        assertThat(churn.assess(List.of(), purchases, List.of(), NOW)).containsExactly(
                new Signal(ChurnSignals.DECLINING_SPEND, "Spent 120.00 in the last year against 650.00 the year before"));
    }

    @Test
    void spendOfExactlyHalfIsNotADecline() {
        List<Purchase> half = List.of(bought(500, "600.00"), bought(100, "300.00"));
        List<Purchase> underHalf = List.of(bought(500, "600.00"), bought(100, "299.99"));

        assertThat(churn.assess(List.of(), half, List.of(), NOW)).isEmpty();
        assertThat(churn.assess(List.of(), underHalf, List.of(), NOW)).containsExactly(
                new Signal(ChurnSignals.DECLINING_SPEND, "Spent 299.99 in the last year against 600.00 the year before"));
    }

    @Test
    void noSpendTheYearBeforeMeansNothingToDeclineFrom() {
        List<Purchase> refundedYear = List.of(bought(500, "300.00"), bought(400, "-300.00"));

        assertThat(churn.assess(List.of(), refundedYear, List.of(), NOW)).isEmpty();
        assertThat(churn.assess(List.of(), List.of(bought(800, "5000.00")), List.of(), NOW)).isEmpty();
    }

    @Test
    void signalsComeMostSeriousFirst() {
        List<Instant> contacts = List.of(daysAgo(184), daysAgo(154), daysAgo(124), daysAgo(94));
        List<Purchase> purchases = List.of(bought(700, "150.00"), bought(640, "150.00"), bought(580, "1050.00"),
                bought(520, "150.00"));
        List<CaseFact> cases = List.of(new CaseFact(daysAgo(5), null, true));

        List<Signal> signals = churn.assess(contacts, purchases, cases, NOW);

        assertThat(codes(signals)).containsExactlyElementsOf(ChurnSignals.ORDER);
        assertThat(signals).containsExactly(
                new Signal(ChurnSignals.RECENT_COMPLAINTS, "1 complaint in the last 90 days"),
                new Signal(ChurnSignals.UNRESOLVED_TICKETS, "1 open ticket"),
                new Signal(ChurnSignals.DECLINING_SPEND, "Spent 0.00 in the last year against 1,500.00 the year before"),
                new Signal(ChurnSignals.GROWING_GAP_PURCHASES, "No purchase for 520 days; usually every 60 days"),
                new Signal(ChurnSignals.GROWING_GAP_CONTACTS, "No contact for 94 days; usually every 30 days"));
    }

    @Test
    void anOpenComplaintStopsSalesOffers() {
        assertThat(ChurnSignals.doNotUpsell(List.of(new CaseFact(daysAgo(200), null, true)))).isTrue();
        assertThat(ChurnSignals.doNotUpsell(List.of(new CaseFact(daysAgo(2), daysAgo(1), true)))).isFalse();
        assertThat(ChurnSignals.doNotUpsell(List.of(new CaseFact(daysAgo(2), null, false)))).isFalse();
        assertThat(ChurnSignals.doNotUpsell(List.of())).isFalse();
        assertThat(ChurnSignals.doNotUpsellReason()).isEqualTo("Complaint open: do not offer sales");
    }

    @Test
    void missingArgumentsAreNamed() {
        assertThatThrownBy(() -> churn.assess(null, List.of(), List.of(), NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("contacts");
        assertThatThrownBy(() -> churn.assess(List.of(), null, List.of(), NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("purchases");
        assertThatThrownBy(() -> churn.assess(List.of(), List.of(), null, NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("cases");
        assertThatThrownBy(() -> churn.assess(List.of(), List.of(), List.of(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("now");
        assertThatThrownBy(() -> churn.assess(Arrays.asList(NOW, null), List.of(), List.of(), NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("contacts contains null");
        assertThatThrownBy(() -> ChurnSignals.doNotUpsell(null))
                .isInstanceOf(NullPointerException.class).hasMessage("cases");
        assertThatThrownBy(() -> new CaseFact(null, null, true))
                .isInstanceOf(NullPointerException.class).hasMessage("openedAt");
        assertThatThrownBy(() -> new CaseFact(daysAgo(1), daysAgo(2), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Optional<String> reasonFor(List<CaseFact> cases) {
        return signal(churn.assess(List.of(), List.of(), cases, NOW), ChurnSignals.UNRESOLVED_TICKETS);
    }

    private static Optional<String> signal(List<Signal> signals, String code) {
        return signals.stream().filter(s -> s.code().equals(code)).map(Signal::reason).findFirst();
    }

    private static List<String> codes(List<Signal> signals) {
        return signals.stream().map(Signal::code).toList();
    }
}
