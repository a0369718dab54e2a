package dev.switchboard.domain.outbound.csv;

import dev.switchboard.domain.outbound.Consent;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which header of the file holds each field of a record, e.g. name ← "Full name", number ← "Phone",
 * zone ← "TZ". Name and number are required; the others are optional columns. A consent column
 * holds yes/no per row (yes, y, true, 1, x; no, n, false, 0); an empty cell leaves the consents the
 * importer grants to every row as they are. Headers are matched ignoring case and surrounding spaces.
 */
public record ColumnMapping(String name, String number, Optional<String> zone, Optional<String> customerRef,
                            Optional<String> region, Map<Consent, String> consents, Optional<String> email) {
    public ColumnMapping {
        requireHeader(name, "name");
        requireHeader(number, "number");
        zone = zone == null ? Optional.empty() : zone;
        customerRef = customerRef == null ? Optional.empty() : customerRef;
        region = region == null ? Optional.empty() : region;
        consents = consents == null ? Map.of() : Map.copyOf(consents);
        email = email == null ? Optional.empty() : email;
    }

    /** Only the two required columns. */
    public static ColumnMapping of(String name, String number) {
        return new ColumnMapping(name, number, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty());
    }

    public ColumnMapping withZone(String header) {
        return new ColumnMapping(name, number, Optional.of(header), customerRef, region, consents, email);
    }

    public ColumnMapping withCustomerRef(String header) {
        return new ColumnMapping(name, number, zone, Optional.of(header), region, consents, email);
    }

    public ColumnMapping withRegion(String header) {
        return new ColumnMapping(name, number, zone, customerRef, Optional.of(header), consents, email);
    }

    public ColumnMapping withConsent(Consent consent, String header) {
        Map<Consent, String> more = new HashMap<>(consents);
        more.put(consent, header);
        return new ColumnMapping(name, number, zone, customerRef, region, more, email);
    }

    /** A column with the contact's e-mail address, used to find the customer when the number does not. */
    public ColumnMapping withEmail(String header) {
        return new ColumnMapping(name, number, zone, customerRef, region, consents, Optional.of(header));
    }

    private static void requireHeader(String header, String field) {
        Objects.requireNonNull(header, field);
        if (header.isBlank()) {
            throw new IllegalArgumentException("the " + field + " column needs a header name");
        }
    }
}
