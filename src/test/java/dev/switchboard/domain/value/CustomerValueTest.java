package dev.switchboard.domain.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static dev.switchboard.domain.value.ValueFixtures.NOW;
import static dev.switchboard.domain.value.ValueFixtures.bought;
import static dev.switchboard.domain.value.ValueFixtures.daysAgo;
import static dev.switchboard.domain.value.ValueFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerValueTest {
    private final CustomerValue standard = CustomerValue.standard();

    @Test
    void theWorkedExampleShowsEveryFigureAndTheSumThatJoinsThem() {
        List<Purchase> purchases = List.of(
                bought(300, "150.00"),
                bought(840, "500.00"),
                bought(40, "-40.00"),
                bought(240, "200.00"),
                bought(530, "480.00"));

        ValueAssessment value = standard.assess(purchases, NOW);

        assertThat(standard.expectedYears()).isEqualTo(money("2.67"));
        assertThat(value.historic()).isEqualTo(money("1290.00"));
        assertThat(value.yearlySpend()).isEqualTo(money("310.00"));
        assertThat(value.projected()).isEqualTo(money("827.70"));
        assertThat(value.lifetimeValue()).isEqualTo(money("2117.70"));
        assertThat(value.formula()).isEqualTo("1,290.00 spent so far + 310.00 a year × 2.67 expected years = 2,117.70");
        assertThat(value.segment()).isEqualTo("Silver");
    }

    @Test
    void theGeneralFormulaNamesTheParametersAndTheExpectedYears() {
        assertThat(standard.formula()).isEqualTo("Lifetime value = spent so far (net of refunds)"
                + " + net spend in the last 365 days × expected further years;"
                + " expected years = r / (1 + d - r) = 0.80 / (1 + 0.10 - 0.80) = 2.67"
                + " (r: retention, d: discount rate)");
    }

    @Test
    void otherParametersChangeTheExpectedYears() {
        CustomerValue undiscounted = new CustomerValue(money("0.80"), money("0"));
        ValueAssessment value = undiscounted.assess(List.of(bought(800, "930.00"), bought(100, "310.00")), NOW);

        assertThat(undiscounted.expectedYears()).isEqualByComparingTo("4");
        assertThat(value.lifetimeValue()).isEqualTo(money("2480.00"));
        assertThat(value.formula()).isEqualTo("1,240.00 spent so far + 310.00 a year × 4.0 expected years = 2,480.00");
    }

    @Test
    void refundsAreNettedInTheHistoryAndTheYear() {
        ValueAssessment value = standard.assess(List.of(
                bought(500, "1000.00"), bought(500 - 1, "-250.00"),
                bought(60, "400.00"), bought(30, "-100.00")), NOW);

        assertThat(value.historic()).isEqualTo(money("1050.00"));
        assertThat(value.yearlySpend()).isEqualTo(money("300.00"));
        assertThat(value.projected()).isEqualTo(money("801.00"));
        assertThat(value.lifetimeValue()).isEqualTo(money("1851.00"));
    }

    @Test
    void aYearWhoseRefundsOutweighItsPurchasesProjectsNothing() {
        ValueAssessment value = standard.assess(List.of(bought(400, "900.00"), bought(20, "-40.00")), NOW);

        assertThat(value.historic()).isEqualTo(money("860.00"));
        assertThat(value.yearlySpend()).isEqualTo(money("0.00"));
        assertThat(value.projected()).isEqualTo(money("0.00"));
        assertThat(value.lifetimeValue()).isEqualTo(money("860.00"));
        assertThat(value.formula()).isEqualTo("860.00 spent so far + 0.00 a year × 2.67 expected years = 860.00;"
                + " no net spend in the last 365 days, so nothing is projected");
    }

    @Test
    void aCustomerWhoNeverBoughtIsWorthNothing() {
        ValueAssessment value = standard.assess(List.of(), NOW);

        assertThat(value.lifetimeValue()).isEqualTo(money("0.00"));
        assertThat(value.historic()).isEqualTo(money("0.00"));
        assertThat(value.yearlySpend()).isEqualTo(money("0.00"));
        assertThat(value.projected()).isEqualTo(money("0.00"));
        assertThat(value.formula()).isEqualTo("0.00 spent so far + 0.00 a year × 2.67 expected years = 0.00;"
                + " no net spend in the last 365 days, so nothing is projected");
        assertThat(value.segment()).isEqualTo("Standard");
    }

    @Test
    void aPurchaseExactlyAYearAgoIsNoLongerPartOfTheYear() {
        Purchase yearAgo = new Purchase(NOW.minus(CustomerValue.YEAR), money("700.00"));
        Purchase justInside = new Purchase(NOW.minus(CustomerValue.YEAR).plusSeconds(1), money("700.00"));

        ValueAssessment lapsed = standard.assess(List.of(yearAgo), NOW);
        assertThat(lapsed.yearlySpend()).isEqualTo(money("0.00"));
        assertThat(lapsed.projected()).isEqualTo(money("0.00"));
        assertThat(lapsed.lifetimeValue()).isEqualTo(money("700.00"));

        ValueAssessment current = standard.assess(List.of(justInside), NOW);
        assertThat(current.yearlySpend()).isEqualTo(money("700.00"));
        assertThat(current.projected()).isEqualTo(money("1869.00"));
        assertThat(current.lifetimeValue()).isEqualTo(money("2569.00"));
    }

    @Test
    void aPurchaseStampedJustAfterNowCountsInTheYear() {
        ValueAssessment value = standard.assess(List.of(new Purchase(NOW.plusSeconds(2), money("100.00"))), NOW);

        assertThat(value.yearlySpend()).isEqualTo(money("100.00"));
    }

    @Test
    void moneyIsRoundedHalfUpToCents() {
        ValueAssessment value = standard.assess(List.of(bought(10, "1.005"), bought(20, "0.4949")), NOW);

        // 1.4999 a year rounds to 1.50 first; 1.50 × 2.67 = 4.005, half up to 4.01
        assertThat(value.historic()).isEqualTo(money("1.50"));
        assertThat(value.yearlySpend()).isEqualTo(money("1.50"));
        assertThat(value.projected()).isEqualTo(money("4.01"));
        assertThat(value.lifetimeValue()).isEqualTo(money("5.51"));
        assertThat(value.formula()).isEqualTo("1.50 spent so far + 1.50 a year × 2.67 expected years = 5.51");
    }

    @Test
    void expectedYearsAreRoundedHalfUpAndShownWithoutTrailingZeros() {
        assertThat(new CustomerValue(money("0.5"), money("0.3")).expectedYears()).isEqualTo(money("0.63"));
        assertThat(new CustomerValue(money("0.9"), money("0.1")).assess(List.of(bought(1, "10")), NOW).formula())
                .isEqualTo("10.00 spent so far + 10.00 a year × 4.5 expected years = 55.00");
        assertThat(new CustomerValue(money("0"), money("0.1")).assess(List.of(bought(1, "10")), NOW).formula())
                .isEqualTo("10.00 spent so far + 10.00 a year × 0.0 expected years = 10.00");
    }

    @Test
    void largeAndNegativeAmountsAreGroupedTheSameEverywhere() {
        ValueAssessment big = standard.assess(List.of(bought(400, "12345678.9")), NOW);
        assertThat(big.formula()).startsWith("12,345,678.90 spent so far");

        ValueAssessment refundOnly = standard.assess(List.of(bought(400, "-1234.5")), NOW);
        assertThat(refundOnly.historic()).isEqualTo(money("-1234.50"));
        assertThat(refundOnly.formula()).startsWith("-1,234.50 spent so far + 0.00 a year");
    }

    @Test
    void segmentsIncludeTheirLowerEdge() {
        assertThat(CustomerValue.segmentFor(money("10000.00"))).isEqualTo("Platinum");
        assertThat(CustomerValue.segmentFor(money("9999.99"))).isEqualTo("Gold");
        assertThat(CustomerValue.segmentFor(money("2500.00"))).isEqualTo("Gold");
        assertThat(CustomerValue.segmentFor(money("2499.99"))).isEqualTo("Silver");
        assertThat(CustomerValue.segmentFor(money("500.00"))).isEqualTo("Silver");
        assertThat(CustomerValue.segmentFor(money("499.99"))).isEqualTo("Standard");
        assertThat(CustomerValue.segmentFor(money("-20.00"))).isEqualTo("Standard");
        assertThat(CustomerValue.segmentFor(money("10000"))).isEqualTo("Platinum");
    }

    @Test
    void parametersOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new CustomerValue(money("1"), money("0.1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerValue(money("-0.1"), money("0.1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerValue(money("0.8"), money("-0.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingArgumentsAreNamed() {
        assertThatThrownBy(() -> standard.assess(null, NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("purchases");
        assertThatThrownBy(() -> standard.assess(Arrays.asList(bought(1, "1"), null), NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("purchases contains null");
        assertThatThrownBy(() -> standard.assess(List.of(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("now");
        assertThatThrownBy(() -> CustomerValue.segmentFor(null))
                .isInstanceOf(NullPointerException.class).hasMessage("lifetimeValue");
        assertThatThrownBy(() -> new CustomerValue(null, BigDecimal.ONE))
                .isInstanceOf(NullPointerException.class).hasMessage("retention");
        assertThatThrownBy(() -> new Purchase(null, BigDecimal.ONE))
                .isInstanceOf(NullPointerException.class).hasMessage("at");
        assertThatThrownBy(() -> new Purchase(daysAgo(1), null))
                .isInstanceOf(NullPointerException.class).hasMessage("amount");
    }
}
