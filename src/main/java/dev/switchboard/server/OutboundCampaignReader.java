package dev.switchboard.server;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.switchboard.api.CampaignDispositionView;
import dev.switchboard.api.CampaignRequest;
import dev.switchboard.api.CampaignWindowView;
import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.CallingHours;
import dev.switchboard.domain.outbound.CallingWindow;
import dev.switchboard.domain.outbound.Disposition;
import dev.switchboard.domain.outbound.RetryPolicy;
import dev.switchboard.store.CampaignStore;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a new campaign's request field by field, each mistake a 400 naming the field, and turns it
 * into what the store keeps.
 */
final class OutboundCampaignReader {
    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final double DEFAULT_ABANDON_RATE = 0.03;
    /** The rolling window the abandon rate is measured over (not settable yet). */
    static final Duration ABANDON_WINDOW = Duration.ofDays(1);
    private static final Duration LONGEST_RETRY = Duration.ofDays(90);

    private final String serverRegion;

    OutboundCampaignReader(String serverRegion) {
        this.serverRegion = serverRegion.toUpperCase(Locale.ROOT);
    }

    CampaignStore.NewCampaign read(CampaignRequest r) {
        String name = Requests.required("name", r.name(), 200);
        if (r.mode() == null) {
            throw ApiProblem.badRequest("mode", "mode is required: PREVIEW, PROGRESSIVE or PREDICTIVE");
        }
        if (r.purpose() == null) {
            throw ApiProblem.badRequest("purpose", "purpose is required: MARKETING or SERVICE");
        }
        CallingHours hours = new CallingHours(windows(r.callingHours()), holidays(r));
        int maxAttempts = r.maxAttempts() == null ? DEFAULT_MAX_ATTEMPTS : r.maxAttempts();
        if (maxAttempts < 1 || maxAttempts > 50) {
            throw ApiProblem.badRequest("maxAttempts", "maxAttempts must be between 1 and 50");
        }
        double abandon = r.maxAbandonRate() == null ? DEFAULT_ABANDON_RATE : r.maxAbandonRate();
        if (!(abandon >= 0 && abandon < 1)) {
            throw ApiProblem.badRequest("maxAbandonRate", "maxAbandonRate is a fraction from 0 to below 1 (0.03 is 3 %)");
        }
        String region = r.defaultRegion() == null ? serverRegion : r.defaultRegion().trim().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw ApiProblem.badRequest("defaultRegion", "defaultRegion must be a country code such as GB or US, not "
                    + r.defaultRegion());
        }
        return new CampaignStore.NewCampaign(name, r.mode(), r.purpose(), hours, retry(r, maxAttempts), abandon,
                ABANDON_WINDOW, region, dispositions(r.dispositions()));
    }

    private static Map<DayOfWeek, CallingWindow> windows(Map<DayOfWeek, CampaignWindowView> days) {
        if (days == null || days.isEmpty()) {
            throw ApiProblem.badRequest("callingHours", "callingHours is required: a window per weekday that may be "
                    + "called, e.g. {\"MONDAY\": {\"start\": \"09:00\", \"end\": \"20:00\"}}");
        }
        Map<DayOfWeek, CallingWindow> out = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<DayOfWeek, CampaignWindowView> day : days.entrySet()) {
            String field = "callingHours." + day.getKey();
            CampaignWindowView w = day.getValue();
            if (day.getKey() == null || w == null || w.start() == null || w.end() == null) {
                throw ApiProblem.badRequest(field, field + " needs a start and an end, e.g. \"09:00\" and \"20:00\"");
            }
            if (w.start().getNano() != 0 || w.end().getNano() != 0) {
                throw ApiProblem.badRequest(field, field + " must be whole seconds, e.g. \"09:00\" and \"20:00\"");
            }
            if (!w.end().isAfter(w.start())) {
                throw ApiProblem.badRequest(field, field + " must end after it starts (windows do not run past midnight)");
            }
            out.put(day.getKey(), new CallingWindow(w.start(), w.end()));
        }
        return out;
    }

    private static Set<LocalDate> holidays(CampaignRequest r) {
        if (r.holidays() == null) {
            return Set.of();
        }
        if (r.holidays().size() > 400) {
            throw ApiProblem.badRequest("holidays", "at most 400 holidays");
        }
        Set<LocalDate> out = new HashSet<>();
        for (int i = 0; i < r.holidays().size(); i++) {
            if (r.holidays().get(i) == null) {
                throw ApiProblem.badRequest("holidays[" + i + "]", "holidays[" + i + "] must be a date like 2026-12-25");
            }
            out.add(r.holidays().get(i));
        }
        return out;
    }

    /** The campaign's own dispositions, each checked; absent is the standard set. */
    private static List<Disposition> dispositions(List<CampaignDispositionView> given) {
        if (given == null) {
            return Disposition.standard();
        }
        if (given.isEmpty() || given.size() > 20) {
            throw ApiProblem.badRequest("dispositions", "dispositions must list 1 to 20 outcomes, or be left out for "
                    + "the standard set");
        }
        List<Disposition> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<Character> keys = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "dispositions[" + i + "]";
            CampaignDispositionView d = given.get(i);
            if (d == null || d.code() == null) {
                throw ApiProblem.badRequest(field, field + " needs a code, e.g. PROMISE_TO_PAY");
            }
            Disposition made;
            try {
                made = new Disposition(d.code(), d.key(), d.closesRecord(), Optional.ofNullable(d.addsToDoNotCall()),
                        d.schedulesCallback());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest(field, field + ": " + e.getMessage());
            }
            if (!codes.add(made.code())) {
                throw ApiProblem.badRequest(field, field + " repeats the code " + made.code());
            }
            if (!keys.add(made.key())) {
                throw ApiProblem.badRequest(field, field + " repeats the key " + made.key());
            }
            out.add(made);
        }
        return out;
    }

    private static RetryPolicy retry(CampaignRequest r, int maxAttempts) {
        if (r.retryAfter() == null) {
            return new RetryPolicy(maxAttempts, RetryPolicy.standard().retryAfter());
        }
        Map<AttemptResult, Duration> delays = new EnumMap<>(AttemptResult.class);
        for (Map.Entry<AttemptResult, Duration> e : r.retryAfter().entrySet()) {
            String field = "retryAfter." + e.getKey();
            Duration d = e.getValue();
            if (d == null || d.toSeconds() < 1 || d.getNano() != 0 || d.compareTo(LONGEST_RETRY) > 0) {
                // whole seconds, as stored: PT0.5S would be kept as no delay at all
                throw ApiProblem.badRequest(field, field + " must be whole seconds from 1 s to 90 days, e.g. PT15M");
            }
            delays.put(e.getKey(), d);
        }
        return new RetryPolicy(maxAttempts, delays);
    }
}
