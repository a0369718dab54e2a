package dev.switchboard.domain.outbound.csv;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.outbound.CallRecord;
import dev.switchboard.domain.outbound.Consent;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a call list from CSV bytes with a column mapping.
 *
 * <p>The whole file is refused when it is not UTF-8, has no header, lacks a mapped column, maps a
 * column whose header appears twice, or has a quote that never closes. Otherwise every row becomes
 * either a complete record or a rejected row with all its problems: a wrong field count, a missing
 * name or number, a number that is not valid for its region, an unknown region or time zone, an
 * unreadable consent value, or a number already accepted from an earlier row (the first one wins).
 * Numbers become E.164 keys through the project's {@link AddressNormalizer}, read in the row's
 * region when the list has a region column, else in the default region. Blank lines are skipped.
 */
public final class CallListImporter {
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "x");
    private static final Set<String> NO = Set.of("no", "n", "false", "0");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final char delimiter;
    private final Set<Consent> grantedToAll;
    private final Supplier<String> ids;

    /**
     * @param defaultRegion region for numbers written without a country code
     * @param delimiter     the field separator (',' or ';' as spreadsheets in some locales write)
     * @param grantedToAll  consents the list's owner vouches for on every row (e.g. service calls to
     *                      existing customers); a consent column's yes or no overrides them per row, an empty cell leaves them
     * @param ids           a new record id per accepted row
     */
    public CallListImporter(String defaultRegion, char delimiter, Set<Consent> grantedToAll, Supplier<String> ids) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        this.delimiter = delimiter;
        this.grantedToAll = Set.copyOf(grantedToAll);
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public ImportResult read(byte[] file, ColumnMapping mapping) {
        try {
            List<CsvText.Row> rows = CsvText.rows(CsvText.decode(file), delimiter).stream()
                    .filter(row -> !row.isBlank()).toList();
            if (rows.isEmpty()) {
                return new ImportResult.Refused(Refusal.NO_HEADER, "the file is empty: it needs a header row");
            }
            CsvText.Row header = rows.get(0);
            if (header.quoteProblem() != null) {
                return new ImportResult.Refused(Refusal.MALFORMED_HEADER,
                        "the header row (line " + header.line() + ") cannot be read: " + header.quoteProblem());
            }
            Columns columns = Columns.locate(header.fields(), mapping);
            return readRows(rows.subList(1, rows.size()), header.fields().size(), columns);
        } catch (CsvText.Unreadable e) {
            return new ImportResult.Refused(e.refusal, e.getMessage());
        }
    }

    private ImportResult readRows(List<CsvText.Row> rows, int width, Columns columns) {
        List<ImportResult.Accepted> accepted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Map<String, Integer> firstLineOfNumber = new HashMap<>();
        for (CsvText.Row row : rows) {
            List<RejectedRow.Issue> issues = new ArrayList<>();
            if (row.quoteProblem() != null) {
                issues.add(new RejectedRow.Issue(RowProblem.MALFORMED_QUOTES, row.quoteProblem()));
            } else if (row.fields().size() != width) {
                issues.add(new RejectedRow.Issue(RowProblem.WRONG_FIELD_COUNT, "the row has " + row.fields().size()
                        + " fields where the header has " + width + "; quote values that contain '" + delimiter + "'"));
            } else {
                Optional<CallRecord> record = RowReader.read(row.fields(), columns, this, issues);
                Optional<String> email = RowReader.email(row.fields(), columns, issues);
                if (record.isPresent() && issues.isEmpty()) {
                    Integer first = firstLineOfNumber.putIfAbsent(record.get().number(), row.line());
                    if (first != null) {
                        issues.add(new RejectedRow.Issue(RowProblem.DUPLICATE_NUMBER,
                                record.get().number() + " is already on line " + first));
                    } else {
                        accepted.add(new ImportResult.Accepted(row.line(), record.get(), email));
                    }
                }
            }
            if (!issues.isEmpty()) {
                rejected.add(new RejectedRow(row.line(), issues));
            }
        }
        return new ImportResult.Parsed(accepted, rejected);
    }

    /** The E.164 key of a valid number read in {@code region}, or empty. */
    Optional<String> validNumber(String raw, String region) {
        return new AddressNormalizer(region).phone(raw).filter(this::isValid);
    }

    private boolean isValid(String e164) {
        try {
            return phones.isValidNumber(phones.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    boolean isRegion(String region) {
        return phones.getSupportedRegions().contains(region);
    }

    String defaultRegion() {
        return defaultRegion;
    }

    Set<Consent> grantedToAll() {
        return grantedToAll;
    }

    String newId() {
        return ids.get();
    }

    static Optional<ZoneId> zone(String value) {
        try {
            return Optional.of(ZoneId.of(value));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> yesNo(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return YES.contains(v) ? Optional.of(true) : NO.contains(v) ? Optional.of(false) : Optional.empty();
    }

    /** The position of each mapped header in the file's header row. */
    record Columns(int name, int number, Optional<Integer> zone, Optional<Integer> customerRef,
                   Optional<Integer> region, Map<Consent, Integer> consents, Optional<Integer> email,
                   ColumnMapping mapping) {

        static Columns locate(List<String> header, ColumnMapping mapping) throws CsvText.Unreadable {
            Map<String, List<Integer>> positions = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                positions.computeIfAbsent(key(header.get(i)), k -> new ArrayList<>()).add(i);
            }
            List<String> wanted = new ArrayList<>(List.of(mapping.name(), mapping.number()));
            mapping.zone().ifPresent(wanted::add);
            mapping.customerRef().ifPresent(wanted::add);
            mapping.region().ifPresent(wanted::add);
            mapping.email().ifPresent(wanted::add);
            wanted.addAll(mapping.consents().values());
            List<String> missing = wanted.stream().filter(w -> !positions.containsKey(key(w))).distinct().toList();
            if (!missing.isEmpty()) {
                throw new CsvText.Unreadable(Refusal.MISSING_COLUMNS, "the file has no column " + quoted(missing)
                        + "; its header row has " + quoted(header.stream().map(String::strip).toList()));
            }
            List<String> twice = wanted.stream().filter(w -> positions.get(key(w)).size() > 1).distinct().toList();
            if (!twice.isEmpty()) {
                throw new CsvText.Unreadable(Refusal.AMBIGUOUS_COLUMNS, "the header row has the column "
                        + quoted(twice) + " more than once, so it is unclear which one to read");
            }
            Map<Consent, Integer> consentColumns = new HashMap<>();
            mapping.consents().forEach((consent, h) -> consentColumns.put(consent, positions.get(key(h)).get(0)));
            return new Columns(positions.get(key(mapping.name())).get(0), positions.get(key(mapping.number())).get(0),
                    mapping.zone().map(h -> positions.get(key(h)).get(0)),
                    mapping.customerRef().map(h -> positions.get(key(h)).get(0)),
                    mapping.region().map(h -> positions.get(key(h)).get(0)), consentColumns,
                    mapping.email().map(h -> positions.get(key(h)).get(0)), mapping);
        }

        private static String key(String header) {
            return header.strip().toLowerCase(Locale.ROOT);
        }

        private static String quoted(List<String> names) {
            return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
        }
    }

    /** The longest contact name a record keeps. */
    static final int MAX_NAME = 200;
    /** The longest customer reference a record keeps. */
    static final int MAX_REF = 100;

    /** Kept apart so that a row's checks read as one list. */
    private static final class RowReader {
        /** Reads e-mail addresses (the region plays no part in them). */
        private static final AddressNormalizer EMAIL = new AddressNormalizer("ZZ");

        private RowReader() {
        }

        /** The row's e-mail key (lower case), when the file maps one and the row gives one. */
        static Optional<String> email(List<String> fields, Columns c, List<RejectedRow.Issue> issues) {
            String raw = c.email().map(i -> fields.get(i).strip()).orElse("");
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> key = raw.length() > 254 || raw.indexOf('@') < 1 ? Optional.empty() : EMAIL.email(raw);
            if (key.isEmpty()) {
                issues.add(new RejectedRow.Issue(RowProblem.INVALID_EMAIL, "\"" + raw + "\" in column \""
                        + c.mapping().email().orElseThrow() + "\" is not an e-mail address"));
            }
            return key;
        }

        static Optional<CallRecord> read(List<String> fields, Columns c, CallListImporter importer,
                                         List<RejectedRow.Issue> issues) {
            ColumnMapping m = c.mapping();
            String name = fields.get(c.name()).strip();
            String rawNumber = fields.get(c.number()).strip();
            if (name.isEmpty()) {
                issues.add(new RejectedRow.Issue(RowProblem.MISSING_VALUE, "no value in column \"" + m.name() + "\""));
            } else if (name.length() > MAX_NAME) {
                issues.add(new RejectedRow.Issue(RowProblem.TOO_LONG, "the value in column \"" + m.name() + "\" has "
                        + name.length() + " characters; at most " + MAX_NAME));
            }
            Optional<String> region = c.region().map(i -> fields.get(i).strip().toUpperCase(Locale.ROOT))
                    .filter(r -> !r.isEmpty());
            if (region.isPresent() && !importer.isRegion(region.get())) {
                issues.add(new RejectedRow.Issue(RowProblem.INVALID_REGION, "\"" + region.get() + "\" in column \""
                        + m.region().orElseThrow() + "\" is not a country code such as GB or US"));
            }
            Optional<String> number = Optional.empty();
            if (rawNumber.isEmpty()) {
                issues.add(new RejectedRow.Issue(RowProblem.MISSING_VALUE, "no value in column \"" + m.number() + "\""));
            } else if (region.isEmpty() || importer.isRegion(region.get())) {
                number = importer.validNumber(rawNumber, region.orElse(importer.defaultRegion()));
                if (number.isEmpty()) {
                    issues.add(new RejectedRow.Issue(RowProblem.INVALID_NUMBER, "\"" + rawNumber + "\" in column \""
                            + m.number() + "\" is not a valid phone number for " + region.orElse(importer.defaultRegion())));
                }
            }
            Optional<ZoneId> zone = Optional.empty();
            String rawZone = c.zone().map(i -> fields.get(i).strip()).orElse("");
            if (!rawZone.isEmpty()) {
                zone = zone(rawZone);
                if (zone.isEmpty()) {
                    issues.add(new RejectedRow.Issue(RowProblem.INVALID_ZONE, "\"" + rawZone + "\" in column \""
                            + m.zone().orElseThrow() + "\" is not a time zone such as Europe/London"));
                }
            }
            Set<Consent> consents = new HashSet<>(importer.grantedToAll());
            c.consents().forEach((consent, i) -> {
                String value = fields.get(i).strip();
                if (value.isEmpty()) {
                    return;   // not stated on this row: what the list vouches for stands
                }
                Optional<Boolean> given = yesNo(value);
                if (given.isEmpty()) {
                    issues.add(new RejectedRow.Issue(RowProblem.INVALID_CONSENT, "\"" + value + "\" in column \""
                            + m.consents().get(consent) + "\" is neither yes nor no"));
                } else if (given.get()) {
                    consents.add(consent);
                } else {
                    consents.remove(consent);
                }
            });
            Optional<String> customerRef = c.customerRef().map(i -> fields.get(i).strip()).filter(s -> !s.isEmpty());
            if (customerRef.isPresent() && customerRef.get().length() > MAX_REF) {
                issues.add(new RejectedRow.Issue(RowProblem.TOO_LONG, "the value in column \""
                        + m.customerRef().orElseThrow() + "\" has " + customerRef.get().length() + " characters; at most "
                        + MAX_REF));
            }
            if (!issues.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(CallRecord.fresh(importer.newId(), customerRef, name, number.orElseThrow(), zone,
                    region, consents));
        }
    }
}
