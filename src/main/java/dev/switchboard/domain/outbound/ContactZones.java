package dev.switchboard.domain.outbound;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which time zones a contact may be in, for checking calling hours on their wall clock.
 *
 * <p>A zone written on the record narrows the number's zones to it when it is one of them (the
 * customer told us where they live); a record's zone the number cannot be in (a shifted spreadsheet
 * column, a number kept after a move) narrows nothing: then the record's zone and all of the number's
 * must allow the call. A number with no zone of its own takes the record's. Otherwise the number
 * decides: a fixed line with an area code usually maps to one zone, but a mobile or toll-free number
 * maps to every zone of its country, and then the dialler has to respect all of them. A number that
 * maps to no zone (or to a zone this JVM does not know) has none: such a record is never dialled.
 */
public final class ContactZones {
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();

    /** Where the zones of a record came from. */
    public enum Source { RECORD, NUMBER }

    /** The candidate zones of one contact; never empty. */
    public record Resolved(Set<ZoneId> zones, Source source) {
        public Resolved {
            if (zones.isEmpty()) {
                throw new IllegalArgumentException("a resolved contact has at least one zone");
            }
            zones = Set.copyOf(zones);
        }
    }

    public Optional<Resolved> of(CallRecord record) {
        Optional<Set<ZoneId>> ofNumber = ofNumber(record.number());
        if (record.zone().isEmpty()) {
            return ofNumber.map(zones -> new Resolved(zones, Source.NUMBER));
        }
        ZoneId told = record.zone().get();
        if (ofNumber.isEmpty() || ofNumber.get().contains(told)) {
            return Optional.of(new Resolved(Set.of(told), Source.RECORD));
        }
        Set<ZoneId> both = new LinkedHashSet<>(ofNumber.get());
        both.add(told);
        return Optional.of(new Resolved(both, Source.RECORD));
    }

    /** The zones an E.164 number may be in, or empty when they cannot be told. */
    public Optional<Set<ZoneId>> ofNumber(String e164) {
        PhoneNumber number;
        try {
            number = phones.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        List<String> names = mapper.getTimeZonesForNumber(number);
        Set<ZoneId> zones = new LinkedHashSet<>();
        for (String name : names) {
            if (PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(name)) {
                return Optional.empty();
            }
            try {
                zones.add(ZoneId.of(name));
            } catch (DateTimeException e) {
                // A candidate we cannot check is a candidate we cannot rule out: no zone at all.
                return Optional.empty();
            }
        }
        return zones.isEmpty() ? Optional.empty() : Optional.of(zones);
    }
}
