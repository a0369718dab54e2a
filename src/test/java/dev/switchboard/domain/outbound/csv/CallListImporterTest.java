package dev.switchboard.domain.outbound.csv;

import dev.switchboard.domain.outbound.CallRecord;
import dev.switchboard.domain.outbound.Consent;
import dev.switchboard.domain.outbound.Purpose;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CallListImporterTest {
    private final AtomicInteger ids = new AtomicInteger();
    private final CallListImporter importer = new CallListImporter("GB", ',',
            Set.of(Consent.voice(Purpose.SERVICE)), () -> "r" + ids.incrementAndGet());
    private final ColumnMapping mapping = ColumnMapping.of("Full name", "Phone").withZone("TZ");

    private ImportResult read(String csv) {
        return importer.read(csv.getBytes(StandardCharsets.UTF_8), mapping);
    }

    private static ImportResult.Parsed parsed(ImportResult result) {
        assertThat(result).isInstanceOf(ImportResult.Parsed.class);
        return (ImportResult.Parsed) result;
    }

    private static ImportResult.Refused refused(ImportResult result) {
        assertThat(result).isInstanceOf(ImportResult.Refused.class);
        return (ImportResult.Refused) result;
    }

    @Test
    void goodRowsBecomeCompleteRecordsWithE164NumbersAndTheirZones() {
        ImportResult.Parsed result = parsed(read("""
                Full name,Phone,TZ,Notes
                Jane Doe,020 7946 0001,,first
                "Smith, John",+1 212 555 0199,America/New_York,"said ""call after 5"" twice"
                """));
        assertThat(result.rejected()).isEmpty();
        assertThat(result.records()).extracting(CallRecord::name, CallRecord::number, CallRecord::zone)
                .containsExactly(
                        tuple("Jane Doe", "+442079460001", Optional.empty()),
                        tuple("Smith, John", "+12125550199",
                                Optional.of(ZoneId.of("America/New_York"))));
        assertThat(result.accepted()).extracting(ImportResult.Accepted::line).containsExactly(2, 3);
        assertThat(result.records().get(0).consents()).containsExactly(Consent.voice(Purpose.SERVICE));
        assertThat(result.records().get(0).attempts()).isZero();
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Full name,Phone,TZ\r\nJosé Núñez,+33 6 12 34 56 78,\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);
        ImportResult.Parsed result = parsed(importer.read(file, mapping));
        assertThat(result.records()).extracting(CallRecord::name).containsExactly("José Núñez");
        assertThat(result.records().get(0).number()).isEqualTo("+33612345678");
    }

    @Test
    void textThatIsNotUtf8IsRefusedWithWhereItGoesWrong() {
        byte[] latin1 = "Full name,Phone,TZ\nJosé,+33612345678,\n".getBytes(StandardCharsets.ISO_8859_1);
        ImportResult.Refused refused = refused(importer.read(latin1, mapping));
        assertThat(refused.refusal()).isEqualTo(Refusal.NOT_UTF8);
        assertThat(refused.message()).contains("UTF-8").contains("line 2");
    }

    @Test
    void aMissingMappedColumnRefusesTheWholeFileAndNamesIt() {
        ImportResult.Refused refused = refused(read("Name,Phone\nJane,020 7946 0001\n"));
        assertThat(refused.refusal()).isEqualTo(Refusal.MISSING_COLUMNS);
        assertThat(refused.message()).contains("\"Full name\"").contains("\"TZ\"").doesNotContain("\"Phone\",");
    }

    @Test
    void headersMatchIgnoringCaseAndSpacesButAMappedHeaderTwiceIsAmbiguous() {
        assertThat(parsed(read(" full NAME , phone ,tz\nJane,020 7946 0001,\n")).records()).hasSize(1);
        assertThat(refused(read("Full name,Phone,TZ,Phone\nJane,020 7946 0001,,07911 123456\n")).refusal())
                .isEqualTo(Refusal.AMBIGUOUS_COLUMNS);
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThat(refused(read("")).refusal()).isEqualTo(Refusal.NO_HEADER);
        assertThat(refused(read("\n\n")).refusal()).isEqualTo(Refusal.NO_HEADER);
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndReasonAndTheRestIsKept() {
        ImportResult.Parsed result = parsed(read("""
                Full name,Phone,TZ
                Jane Doe,020 7946 0001,
                ,020 7946 0002,
                No Number,,
                Bad Number,12345,
                Unassigned,07700 900123,
                Bad Zone,020 7946 0003,Mars/Olympus
                Two Problems,abc,Nowhere
                Good Again,020 7946 0004,Europe/London
                """));
        assertThat(result.records()).extracting(CallRecord::name).containsExactly("Jane Doe", "Good Again");
        assertThat(result.rejected()).extracting(RejectedRow::line).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(result.rejected().get(0).problems()).containsExactly(RowProblem.MISSING_VALUE);
        assertThat(result.rejected().get(0).issues().get(0).message()).contains("Full name");
        assertThat(result.rejected().get(1).problems()).containsExactly(RowProblem.MISSING_VALUE);
        assertThat(result.rejected().get(2).problems()).containsExactly(RowProblem.INVALID_NUMBER);
        assertThat(result.rejected().get(3).problems()).containsExactly(RowProblem.INVALID_NUMBER);
        assertThat(result.rejected().get(4).problems()).containsExactly(RowProblem.INVALID_ZONE);
        assertThat(result.rejected().get(5).problems())
                .containsExactly(RowProblem.INVALID_NUMBER, RowProblem.INVALID_ZONE);
    }

    @Test
    void aNumberAlreadyInTheFileIsRejectedWhateverFormItIsWrittenIn() {
        ImportResult.Parsed result = parsed(read("""
                Full name,Phone,TZ
                Jane Doe,020 7946 0001,
                Jane Again,+44 20 7946 0001,
                Other,020 7946 0002,
                """));
        assertThat(result.records()).extracting(CallRecord::name).containsExactly("Jane Doe", "Other");
        assertThat(result.rejected()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.problems()).containsExactly(RowProblem.DUPLICATE_NUMBER);
            assertThat(row.issues().get(0).message()).contains("line 2");
        });
    }

    @Test
    void quotesAreReadByTheRulesAndBrokenOnesSpoilOnlyTheirRow() {
        ImportResult.Parsed result = parsed(read("""
                Full name,Phone,TZ
                "Line
                Break",020 7946 0001,
                Bro"ken,020 7946 0002,
                "Closed"Then,020 7946 0003,
                Smith, John,020 7946 0004,
                Last,020 7946 0005,
                """));
        assertThat(result.records()).extracting(CallRecord::name).containsExactly("Line\nBreak", "Last");
        assertThat(result.accepted()).extracting(ImportResult.Accepted::line).containsExactly(2, 7);
        assertThat(result.rejected()).extracting(RejectedRow::line).containsExactly(4, 5, 6);
        assertThat(result.rejected()).flatExtracting(RejectedRow::problems).containsExactly(
                RowProblem.MALFORMED_QUOTES, RowProblem.MALFORMED_QUOTES, RowProblem.WRONG_FIELD_COUNT);
    }

    @Test
    void aQuoteThatNeverClosesRefusesTheFile() {
        ImportResult.Refused refused = refused(read("Full name,Phone,TZ\nJane,020 7946 0001,\n\"Open,020 7946 0002,\n"));
        assertThat(refused.refusal()).isEqualTo(Refusal.UNTERMINATED_QUOTE);
        assertThat(refused.message()).contains("line 3");
    }

    @Test
    void regionsAndConsentColumnsAreReadPerRow() {
        ColumnMapping full = ColumnMapping.of("Name", "Number").withRegion("Country").withCustomerRef("Account")
                .withConsent(Consent.voice(Purpose.MARKETING), "Marketing OK")
                .withConsent(Consent.voice(Purpose.SERVICE), "Service OK");
        ImportResult.Parsed result = parsed(importer.read("""
                Name,Number,Country,Account,Marketing OK,Service OK
                Ann,(212) 555-0199,US,A-1,yes,
                Bob,020 7946 0001,,,no,no
                Cy,020 7946 0002,XX,,yes,
                Di,020 7946 0003,,,maybe,
                """.getBytes(StandardCharsets.UTF_8), full));
        CallRecord ann = result.records().get(0);
        assertThat(ann.number()).isEqualTo("+12125550199");
        assertThat(ann.region()).contains("US");
        assertThat(ann.customerRef()).contains("A-1");
        assertThat(ann.consents()).containsExactlyInAnyOrder(Consent.voice(Purpose.MARKETING), Consent.voice(Purpose.SERVICE));
        CallRecord bob = result.records().get(1);
        assertThat(bob.consents()).isEmpty();
        assertThat(bob.customerRef()).isEmpty();
        assertThat(result.rejected()).flatExtracting(RejectedRow::problems)
                .containsExactly(RowProblem.INVALID_REGION, RowProblem.INVALID_CONSENT);
    }

    @Test
    void aSemicolonSeparatedFileIsReadWithThatDelimiter() {
        CallListImporter semicolons = new CallListImporter("DE", ';', Set.of(), () -> "x");
        ImportResult.Parsed result = parsed(semicolons.read("Full name;Phone;TZ\nMüller, Anna;030 123456;\n"
                .getBytes(StandardCharsets.UTF_8), mapping));
        assertThat(result.records()).extracting(CallRecord::number).containsExactly("+4930123456");
    }

    @Test
    void aValueLongerThanARecordKeepsSpoilsOnlyItsRow() {
        String longName = "N".repeat(201);
        String longRef = "R".repeat(101);
        ImportResult.Parsed result = parsed(importer.read(("Full name,Phone,Ref\n"
                + longName + ",020 7946 0001,\n"
                + "Ada,020 7946 0002," + longRef + "\n"
                + "N".repeat(200) + ",020 7946 0003," + "R".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8),
                ColumnMapping.of("Full name", "Phone").withCustomerRef("Ref")));
        assertThat(result.records()).singleElement().satisfies(r -> assertThat(r.name()).hasSize(200));
        assertThat(result.rejected()).extracting(RejectedRow::line).containsExactly(2, 3);
        assertThat(result.rejected().get(0).problems()).containsExactly(RowProblem.TOO_LONG);
        assertThat(result.rejected().get(0).issues().get(0).message()).contains("Full name").contains("201");
        assertThat(result.rejected().get(1).issues().get(0).message()).contains("Ref").contains("at most 100");
    }
}
