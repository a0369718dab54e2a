package dev.switchboard.server;

import dev.switchboard.api.CampaignImportView;
import dev.switchboard.api.CampaignRejectedRowView;
import dev.switchboard.domain.outbound.Consent;
import dev.switchboard.domain.outbound.csv.CallListImporter;
import dev.switchboard.domain.outbound.csv.ColumnMapping;
import dev.switchboard.domain.outbound.csv.ImportResult;
import dev.switchboard.domain.outbound.csv.RejectedRow;
import dev.switchboard.domain.outbound.csv.RowProblem;
import dev.switchboard.store.CampaignRecordStore;
import dev.switchboard.store.CampaignStore;
import dev.switchboard.store.StoreException;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A call list into a campaign, all or nothing: a file the importer refuses changes nothing (400 with
 * its message); otherwise every good row is saved in one transaction and every bad one is reported
 * with its line. A number already on the campaign's list is a rejected row too.
 */
final class OutboundImport {
    /** How the file's columns map to a record's fields, and the consent the list's owner vouches for. */
    record Options(String nameColumn, String numberColumn, String zoneColumn, String regionColumn,
                   String customerRefColumn, String consentColumn, boolean consentForAll, char delimiter,
                   String emailColumn) {
        Options(String nameColumn, String numberColumn, String zoneColumn, String regionColumn,
                String customerRefColumn, String consentColumn, boolean consentForAll, char delimiter) {
            this(nameColumn, numberColumn, zoneColumn, regionColumn, customerRefColumn, consentColumn, consentForAll,
                    delimiter, null);
        }
    }

    private final CampaignRecordStore records;
    private final Clock clock;

    OutboundImport(CampaignRecordStore records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    CampaignImportView read(CampaignStore.Stored campaign, byte[] file, Options o) {
        Consent needed = campaign.campaign().requiredConsent();
        ColumnMapping mapping = ColumnMapping.of(o.nameColumn(), o.numberColumn());
        mapping = o.zoneColumn() == null ? mapping : mapping.withZone(o.zoneColumn());
        mapping = o.regionColumn() == null ? mapping : mapping.withRegion(o.regionColumn());
        mapping = o.customerRefColumn() == null ? mapping : mapping.withCustomerRef(o.customerRefColumn());
        mapping = o.consentColumn() == null ? mapping : mapping.withConsent(needed, o.consentColumn());
        mapping = o.emailColumn() == null ? mapping : mapping.withEmail(o.emailColumn());
        // the store gives the real ids; these only tell the rows apart until then
        AtomicLong row = new AtomicLong();
        CallListImporter importer = new CallListImporter(campaign.defaultRegion(), o.delimiter(),
                o.consentForAll() ? Set.of(needed) : Set.of(), () -> "row-" + row.incrementAndGet());
        ImportResult result = importer.read(file, mapping);
        if (result instanceof ImportResult.Refused refused) {
            throw new ApiProblem(400, refused.refusal().name().toLowerCase(Locale.ROOT), refused.message(), "file");
        }
        ImportResult.Parsed parsed = (ImportResult.Parsed) result;
        List<CampaignRecordStore.NewRecord> rows = parsed.accepted().stream()
                .map(a -> new CampaignRecordStore.NewRecord(a.line(), a.record(), a.email().orElse(null))).toList();
        CampaignRecordStore.Saved saved;
        try {
            saved = records.importRecords(campaign.id(), rows, clock.instant());
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                throw ApiProblem.conflict("list_changed", "another import added some of these numbers meanwhile; "
                        + "nothing was saved: send the file again");
            }
            throw e;
        }
        List<CampaignRejectedRowView> rejected = new ArrayList<>();
        for (RejectedRow r : parsed.rejected()) {
            rejected.add(new CampaignRejectedRowView(r.line(), r.issues().stream()
                    .map(i -> new CampaignRejectedRowView.Problem(i.problem().name(), i.message())).toList()));
        }
        for (Map.Entry<Integer, String> dup : saved.alreadyListed().entrySet()) {
            rejected.add(new CampaignRejectedRowView(dup.getKey(), List.of(new CampaignRejectedRowView.Problem(
                    RowProblem.DUPLICATE_NUMBER.name(), dup.getValue() + " is already on this campaign's list"))));
        }
        rejected.sort(Comparator.comparingInt(CampaignRejectedRowView::line));
        return new CampaignImportView(campaign.id(), saved.saved(), saved.linked(), rejected);
    }
}
