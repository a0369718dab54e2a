package dev.switchboard.domain.outbound;

import dev.switchboard.domain.AddressNormalizer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static dev.switchboard.domain.outbound.Fixtures.NINE_TO_NINE;
import static dev.switchboard.domain.outbound.Fixtures.at;
import static dev.switchboard.domain.outbound.Fixtures.campaign;
import static dev.switchboard.domain.outbound.Fixtures.clock;
import static dev.switchboard.domain.outbound.Fixtures.marketing;
import static dev.switchboard.domain.outbound.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

class DialRulesTest {
    private static final ContactZones ZONES = new ContactZones();
    private static final String LONDON_NUMBER = "+442079460001";
    private static final String NEW_YORK_NUMBER = "+12125550199";
    private static final String TOKYO_NUMBER = "+815012345678";
    private static final String ALASKA_NUMBER = "+19075550100";
    private static final String TOLL_FREE_NUMBER = "+18005550100";

    private final AddressNormalizer normalizer = new AddressNormalizer("GB");
    private final DoNotCallLists dnc = new DoNotCallLists(normalizer);

    private DialRules rules(Clock clock) {
        return new DialRules(clock, normalizer, dnc, ZONES);
    }

    /** Monday 2 June 2025, 13:30 in London (BST): 08:30 in New York, 21:30 in Tokyo. */
    private DialRules londonAfternoon() {
        return rules(Clock.fixed(at("2025-06-02T12:30:00Z"), ZoneId.of("Europe/London")));
    }

    private static DialDecision.Skip skipped(DialDecision decision) {
        assertThat(decision).isInstanceOf(DialDecision.Skip.class);
        return (DialDecision.Skip) decision;
    }

    @Test
    void aNumberOnTheGlobalListIsNeverDialledWhateverFormItWasListedIn() {
        dnc.addGlobal("020 7946 0001");
        DialDecision decision = londonAfternoon().decide(marketing(), record("1", LONDON_NUMBER));
        assertThat(skipped(decision).reason()).isEqualTo(SkipReason.DNC_GLOBAL);
        assertThat(skipped(decision).nextEligible()).isEmpty();
        assertThat(londonAfternoon().decide(marketing(), record("2", "+442079460002")))
                .isInstanceOf(DialDecision.Dial.class);
    }

    @Test
    void aCampaignListBlocksOnlyItsOwnCampaign() {
        dnc.addForCampaign("spring-offer", "+44 20 7946 0001");
        assertThat(skipped(londonAfternoon().decide(marketing(), record("1", LONDON_NUMBER))).reason())
                .isEqualTo(SkipReason.DNC_CAMPAIGN);
        Campaign other = new Campaign("reminders", "Reminders", DiallingMode.PROGRESSIVE, Purpose.SERVICE,
                NINE_TO_NINE, 0.03, Duration.ofDays(1), RetryPolicy.standard(), Disposition.standard());
        assertThat(londonAfternoon().decide(other, record("1", LONDON_NUMBER))).isInstanceOf(DialDecision.Dial.class);
    }

    @Test
    void aDoNotCallDispositionStopsEveryLaterCallToTheNumber() {
        Campaign campaign = marketing();
        CallRecord connected = RecordLifecycle.afterAttempt(record("1", LONDON_NUMBER), AttemptResult.CONNECTED,
                at("2025-06-02T12:00:00Z"), campaign.retry());
        RecordLifecycle.Wrapped wrapped = RecordLifecycle.afterDisposition(campaign, connected,
                campaign.dispositionForKey('d').orElseThrow(), Optional.empty(), at("2025-06-02T12:05:00Z"));
        wrapped.dncEntry().ifPresent(dnc::add);
        // the same person on another list, written the national way
        CallRecord again = record("9", normalizer.phone("020 7946 0001").orElseThrow());
        assertThat(skipped(londonAfternoon().decide(campaign, again)).reason()).isEqualTo(SkipReason.DNC_GLOBAL);
    }

    @Test
    void aRecordWithoutConsentForThePurposeIsNeverDialled() {
        CallRecord serviceOnly = record("1", LONDON_NUMBER).withConsents(Set.of(Consent.voice(Purpose.SERVICE)));
        DialDecision.Skip skip = skipped(londonAfternoon().decide(marketing(), serviceOnly));
        assertThat(skip.reason()).isEqualTo(SkipReason.NO_CONSENT);
        assertThat(skip.nextEligible()).isEmpty();
        assertThat(londonAfternoon().decide(campaign(Purpose.SERVICE, NINE_TO_NINE), serviceOnly))
                .isInstanceOf(DialDecision.Dial.class);
    }

    @Test
    void callingHoursAreTheContactsNotTheCentres() {
        DialRules rules = londonAfternoon();
        assertThat(rules.decide(marketing(), record("ldn", LONDON_NUMBER))).isInstanceOf(DialDecision.Dial.class);
        DialDecision.Skip newYork = skipped(rules.decide(marketing(), record("ny", NEW_YORK_NUMBER)));
        assertThat(newYork.reason()).isEqualTo(SkipReason.OUTSIDE_CALLING_HOURS);
        assertThat(newYork.nextEligible()).contains(at("2025-06-02T13:00:00Z"));
        assertThat(newYork.message()).contains("America/New_York");
        DialDecision.Skip tokyo = skipped(rules.decide(marketing(), record("tyo", TOKYO_NUMBER)));
        assertThat(tokyo.nextEligible()).contains(at("2025-06-03T00:00:00Z"));
    }

    @Test
    void aZoneOnTheRecordBeatsTheNumbers() {
        // a London number whose owner lives in New York
        CallRecord moved = record("1", LONDON_NUMBER, ZoneId.of("America/New_York"));
        assertThat(skipped(londonAfternoon().decide(marketing(), moved)).reason())
                .isEqualTo(SkipReason.OUTSIDE_CALLING_HOURS);
    }

    @Test
    void aRecordsZoneTheNumberCannotBeInDoesNotLiftTheNumbersOwnHours() {
        // a New York number with London written on the record: 09:30 in London is 05:30 in New York
        CallRecord shifted = record("ny", "+12125550199", ZoneId.of("Europe/London"));
        DialDecision.Skip skip = skipped(rules(clock("2025-06-02T08:30:00Z")).decide(marketing(), shifted));
        assertThat(skip.reason()).isEqualTo(SkipReason.OUTSIDE_CALLING_HOURS);
        assertThat(skip.message()).contains("America/New_York").contains("Europe/London");
    }

    @Test
    void aNumberInSeveralZonesIsDialledOnlyWhenItIsCallingTimeInAllOfThem() {
        // 17:30Z: 09:30 in Anchorage, 08:30 in Adak (both +1 907)
        DialRules rules = rules(clock("2025-06-02T17:30:00Z"));
        DialDecision.Skip skip = skipped(rules.decide(marketing(), record("ak", ALASKA_NUMBER)));
        assertThat(skip.reason()).isEqualTo(SkipReason.OUTSIDE_CALLING_HOURS);
        assertThat(skip.nextEligible()).contains(at("2025-06-02T18:00:00Z"));
        assertThat(rules.decide(marketing(), record("ak", ALASKA_NUMBER, ZoneId.of("America/Anchorage"))))
                .isInstanceOf(DialDecision.Dial.class);
        assertThat(rules(clock("2025-06-02T18:00:00Z")).decide(marketing(), record("ak", ALASKA_NUMBER)))
                .isInstanceOfSatisfying(DialDecision.Dial.class,
                        dial -> assertThat(dial.zones()).hasSize(2));
    }

    @Test
    void aTollFreeNumberWaitsForCallingTimeAcrossTheWholeCountry() {
        // noon in New York is 06:00 in Honolulu
        DialDecision.Skip skip = skipped(rules(clock("2025-06-02T16:00:00Z"))
                .decide(marketing(), record("tf", TOLL_FREE_NUMBER)));
        Instant next = skip.nextEligible().orElseThrow();
        Set<ZoneId> zones = ZONES.ofNumber(TOLL_FREE_NUMBER).orElseThrow();
        assertThat(zones).contains(ZoneId.of("Pacific/Honolulu"), ZoneId.of("America/New_York"));
        for (ZoneId zone : zones) {
            LocalTime local = next.atZone(zone).toLocalTime();
            assertThat(local).as(zone.getId()).isBetween(LocalTime.of(9, 0), LocalTime.of(20, 59, 59));
        }
        assertThat(rules(Clock.fixed(next.minusSeconds(60), ZoneId.of("UTC"))).decide(marketing(),
                record("tf", TOLL_FREE_NUMBER))).isInstanceOf(DialDecision.Skip.class);
        assertThat(rules(Clock.fixed(next, ZoneId.of("UTC"))).decide(marketing(), record("tf", TOLL_FREE_NUMBER)))
                .isInstanceOf(DialDecision.Dial.class);
    }

    @Test
    void zonesThatNeverShareCallingTimeMeanNoNextAttempt() {
        CallingHours halfHour = CallingHours.everyDay(new CallingWindow(LocalTime.of(9, 0), LocalTime.of(9, 30)));
        DialDecision.Skip skip = skipped(rules(clock("2025-06-02T12:00:00Z"))
                .decide(campaign(Purpose.MARKETING, halfHour), record("ak", ALASKA_NUMBER)));
        assertThat(skip.reason()).isEqualTo(SkipReason.NO_CALLING_TIME);
        assertThat(skip.nextEligible()).isEmpty();
    }

    @Test
    void aNumberWithNoKnownZoneIsNotDialledAndTheReasonSaysSo() {
        // a possible but unassigned UK number: no zone can be derived
        DialDecision.Skip skip = skipped(londonAfternoon().decide(marketing(), record("1", "+447700900123")));
        assertThat(skip.reason()).isEqualTo(SkipReason.ZONE_UNKNOWN);
        assertThat(skip.message()).contains("time zone");
        assertThat(londonAfternoon().decide(marketing(), record("1", "+447700900123", ZoneId.of("Europe/London"))))
                .isInstanceOf(DialDecision.Dial.class);
    }

    @Test
    void aHolidayIsTheContactsLocalDate() {
        Campaign christmas = campaign(Purpose.MARKETING, NINE_TO_NINE.withHolidays(Set.of(LocalDate.of(2025, 12, 25))));
        // 01:00Z on the 25th: 10:00 on Christmas Day in Tokyo, 20:00 on Christmas Eve in New York
        DialRules rules = rules(clock("2025-12-25T01:00:00Z"));
        DialDecision.Skip tokyo = skipped(rules.decide(christmas, record("tyo", TOKYO_NUMBER)));
        assertThat(tokyo.reason()).isEqualTo(SkipReason.HOLIDAY);
        assertThat(tokyo.nextEligible()).contains(at("2025-12-26T00:00:00Z"));
        assertThat(rules.decide(christmas, record("ny", NEW_YORK_NUMBER))).isInstanceOf(DialDecision.Dial.class);
    }

    @Test
    void aRecordNotYetDueSaysWhenItIsDueWithinCallingHours() {
        // busy at 20:50 New York time: due again 15 minutes later, after the window closed at 21:00
        CallRecord busy = RecordLifecycle.afterAttempt(record("ny", NEW_YORK_NUMBER), AttemptResult.BUSY,
                at("2025-06-03T00:50:00Z"), RetryPolicy.standard());
        DialDecision.Skip skip = skipped(rules(clock("2025-06-03T00:55:00Z")).decide(marketing(), busy));
        assertThat(skip.reason()).isEqualTo(SkipReason.NOT_YET_DUE);
        assertThat(skip.nextEligible()).contains(at("2025-06-03T13:00:00Z"));
    }

    @Test
    void aCallbackGoesToTheAgentWhoPromisedIt() {
        Campaign campaign = marketing();
        CallRecord connected = RecordLifecycle.afterAttempt(record("1", LONDON_NUMBER), AttemptResult.CONNECTED,
                at("2025-06-02T09:00:00Z"), campaign.retry());
        CallRecord callback = RecordLifecycle.afterDisposition(campaign, connected, Disposition.CALLBACK,
                Optional.of(Callback.toAgent(at("2025-06-02T12:00:00Z"), 42L)), at("2025-06-02T09:05:00Z")).record();
        assertThat(skipped(rules(clock("2025-06-02T11:59:00Z")).decide(campaign, callback)).reason())
                .isEqualTo(SkipReason.NOT_YET_DUE);
        assertThat(londonAfternoon().decide(campaign, callback)).isInstanceOfSatisfying(DialDecision.Dial.class,
                dial -> assertThat(dial.agentId()).contains(42L));
    }

    @Test
    void closedRecordsAndRecordsInWrapUpAreNotDialled() {
        Campaign campaign = marketing();
        CallRecord connected = RecordLifecycle.afterAttempt(record("1", LONDON_NUMBER), AttemptResult.CONNECTED,
                at("2025-06-02T09:00:00Z"), campaign.retry());
        assertThat(skipped(londonAfternoon().decide(campaign, connected)).reason()).isEqualTo(SkipReason.IN_WRAP_UP);
        CallRecord sold = RecordLifecycle.afterDisposition(campaign, connected, Disposition.SALE, Optional.empty(),
                at("2025-06-02T09:05:00Z")).record();
        DialDecision.Skip skip = skipped(londonAfternoon().decide(campaign, sold));
        assertThat(skip.reason()).isEqualTo(SkipReason.RECORD_CLOSED);
        assertThat(skip.message()).contains("final disposition");
    }

    @Test
    void somethingThatIsNoNumberIsNotDialled() {
        assertThat(skipped(londonAfternoon().decide(marketing(), record("1", "unknown"))).reason())
                .isEqualTo(SkipReason.INVALID_NUMBER);
    }
}
