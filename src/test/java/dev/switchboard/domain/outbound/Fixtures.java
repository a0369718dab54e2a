package dev.switchboard.domain.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/** Campaigns, records and clocks the outbound tests share. */
final class Fixtures {
    static final CallingHours NINE_TO_NINE = CallingHours.everyDay(CallingWindow.of(9, 21));

    private Fixtures() {
    }

    static Campaign campaign(Purpose purpose, CallingHours hours) {
        return new Campaign("spring-offer", "Spring offer", DiallingMode.PREDICTIVE, purpose, hours, 0.03,
                Duration.ofHours(24), RetryPolicy.standard(), Disposition.standard());
    }

    static Campaign marketing() {
        return campaign(Purpose.MARKETING, NINE_TO_NINE);
    }

    /** A fresh record that consented to marketing and service calls. */
    static CallRecord record(String id, String e164) {
        return CallRecord.fresh(id, Optional.of("cust-" + id), "Contact " + id, e164, Optional.empty(),
                Optional.empty(), Set.of(Consent.voice(Purpose.MARKETING), Consent.voice(Purpose.SERVICE)));
    }

    static CallRecord record(String id, String e164, ZoneId zone) {
        return record(id, e164).withZone(Optional.of(zone));
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    static Clock clock(String iso) {
        return Clock.fixed(at(iso), ZoneOffset.UTC);
    }
}
