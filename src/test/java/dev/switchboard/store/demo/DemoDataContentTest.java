package dev.switchboard.store.demo;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.value.ChurnSignals;
import dev.switchboard.domain.value.Signal;
import dev.switchboard.store.Database;
import dev.switchboard.store.InsightStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.store.demo.DemoDataTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a demo user would notice in the generated data: proportions, valid numbers, consistent tickets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataContentTest {
    private static final int CUSTOMERS = 10_000;

    private Database db;
    private DemoData.Report report;

    @BeforeAll
    void generate() {
        db = Database.h2Memory(DemoDataTest.unique());
        report = new DemoData(db.dataSource()).generate(DemoData.Options.of(2026, CUSTOMERS, NOW),
                DemoData.Progress.NONE);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void customersLookLikeAnInternationalCustomerBase() throws SQLException {
        assertThat(share("customer WHERE country = 'GB'")).isCloseTo(0.45, within(0.03));
        assertThat(share("customer WHERE country = 'US'")).isCloseTo(0.25, within(0.03));
        assertThat(share("customer WHERE country IN ('IE', 'DE', 'FR')")).isCloseTo(0.24, within(0.03));
        assertThat(share("customer WHERE country = 'AU'")).isCloseTo(0.06, within(0.02));
        assertThat(share("customer WHERE company <> ''")).isCloseTo(0.20, within(0.03));
        assertThat(share("customer WHERE segment = 'Platinum'")).isBetween(0.02, 0.07);
        assertThat(share("customer WHERE segment = 'Standard'")).isBetween(0.50, 0.62);
        assertThat(scalar("SELECT COUNT(DISTINCT first_name) FROM customer")).isGreaterThan(300);
        assertThat(scalar("SELECT COUNT(DISTINCT last_name) FROM customer")).isGreaterThan(300);
        // Lifetime value follows the segment.
        assertThat(scalar("SELECT AVG(lifetime_value) FROM customer WHERE segment = 'Platinum'"))
                .isGreaterThan(3 * scalar("SELECT AVG(lifetime_value) FROM customer WHERE segment = 'Gold'"));
        assertThat(scalar("SELECT AVG(lifetime_value) FROM customer WHERE segment = 'Silver'"))
                .isGreaterThan(3 * scalar("SELECT AVG(lifetime_value) FROM customer WHERE segment = 'Standard'"));
        assertThat(count("customer WHERE country = 'GB' AND postcode NOT LIKE '% ___'")).isZero();
        assertThat(count("customer WHERE country IN ('DE', 'FR', 'US') AND LENGTH(postcode) <> 5")).isZero();
        assertThat(count("customer WHERE created_at > ? OR created_at < ?", NOW, NOW.minus(CustomerFactory.HISTORY)))
                .isZero();
    }

    @Test
    void everyPhoneNumberIsValidForItsCountryAndStoredInE164() throws Exception {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        AddressNormalizer normalizer = new AddressNormalizer("GB");
        List<String[]> phones = rows("SELECT p.address, c.country FROM contact_point p JOIN customer c "
                + "ON c.id = p.customer_id WHERE p.kind = 'PHONE'");
        assertThat(phones).hasSizeGreaterThan(CUSTOMERS);
        for (String[] p : phones) {
            assertThat(p[0]).matches("\\+[1-9]\\d{6,14}");
            assertThat(normalizer.phone(p[0])).contains(p[0]);
            var number = util.parse(p[0], "ZZ");
            assertThat(util.isValidNumber(number)).as(p[0]).isTrue();
            assertThat(util.getRegionCodeForNumber(number)).as(p[0]).isEqualTo(p[1]);
        }
        assertThat(count("customer c WHERE (SELECT COUNT(*) FROM contact_point p WHERE p.customer_id = c.id "
                + "AND p.kind = 'PHONE') NOT BETWEEN 1 AND 2")).isZero();
    }

    @Test
    void emailAddressesAndHandlesAreNormalisedKeys() throws SQLException {
        AddressNormalizer normalizer = new AddressNormalizer("GB");
        for (String[] e : rows("SELECT address FROM contact_point WHERE kind = 'EMAIL'")) {
            assertThat(normalizer.email(e[0])).contains(e[0]);
        }
        for (String[] h : rows("SELECT address FROM contact_point WHERE kind = 'SOCIAL'")) {
            assertThat(h[0]).matches("@[a-z0-9._]+");
            assertThat(normalizer.handle(h[0])).contains(h[0]);
        }
        assertThat(count("customer c WHERE (SELECT COUNT(*) FROM contact_point p WHERE p.customer_id = c.id "
                + "AND p.kind = 'EMAIL') NOT BETWEEN 1 AND 2")).isZero();
        assertThat(share("customer c WHERE EXISTS (SELECT 1 FROM contact_point p WHERE p.customer_id = c.id "
                + "AND p.kind = 'SOCIAL')")).isCloseTo(0.30, within(0.03));
        assertThat(scalar("SELECT COUNT(*) FROM (SELECT address FROM contact_point WHERE kind = 'SOCIAL' "
                + "GROUP BY address HAVING COUNT(*) > 1) x")).isZero();
    }

    @Test
    void onlyHouseholdsShareContactPointsAndTheyShareASurname() throws SQLException {
        // Every shared value belongs to exactly two customers with the same last name and address.
        String shared = "SELECT p.kind, p.address, COUNT(*) n, COUNT(DISTINCT c.last_name) names, "
                + "COUNT(DISTINCT c.address_line) homes FROM contact_point p JOIN customer c ON c.id = p.customer_id "
                + "GROUP BY p.kind, p.address HAVING COUNT(*) > 1";
        List<String[]> groups = rows(shared);
        for (String[] g : groups) {
            assertThat(g).as(String.join(" ", g)).endsWith("2", "1", "1");
        }
        long sharedPhones = groups.stream().filter(g -> g[0].equals("PHONE")).count();
        long sharedEmails = groups.stream().filter(g -> g[0].equals("EMAIL")).count();
        assertThat(2.0 * sharedPhones / CUSTOMERS).isBetween(0.010, 0.020);
        assertThat(sharedEmails).isPositive().isLessThan(sharedPhones);

        List<String> fromQuery = DemoData.sharedPhones(db.dataSource(), 20);
        assertThat(fromQuery).hasSize(20).isSorted();
        for (String phone : fromQuery) {
            assertThat(count("contact_point WHERE kind = 'PHONE' AND address = ?", phone)).isEqualTo(2);
        }
        assertThat(DemoData.sharedContacts(db.dataSource(), ContactKind.EMAIL, 1000)).hasSize((int) sharedEmails);
    }

    @Test
    void interactionsFollowTheChannelMixAndTheCustomersLife() throws SQLException {
        double n = report.interactions();
        assertThat(n / CUSTOMERS).isCloseTo(5.0, within(0.3));
        assertThat(count("interaction WHERE channel = 'PHONE'") / n).isCloseTo(0.45, within(0.03));
        assertThat(count("interaction WHERE channel = 'EMAIL'") / n).isCloseTo(0.30, within(0.03));
        assertThat(count("interaction WHERE channel = 'CHAT'") / n).isCloseTo(0.15, within(0.03));
        assertThat(count("interaction WHERE channel = 'SOCIAL'") / n).isCloseTo(0.10, within(0.03));
        assertThat(count("interaction WHERE direction = 'INBOUND'") / n).isGreaterThan(0.8);
        assertThat(count("interaction WHERE state = 'ABANDONED'") / n).isBetween(0.01, 0.05);
        assertThat(count("interaction WHERE state NOT IN ('ENDED', 'ABANDONED')")).isZero();
        assertThat(count("interaction WHERE state = 'ABANDONED' AND (channel NOT IN ('PHONE', 'CHAT') "
                + "OR answered_at IS NOT NULL)")).isZero();
        assertThat(share("customer c WHERE NOT EXISTS (SELECT 1 FROM interaction i WHERE i.customer_id = c.id)"))
                .isBetween(0.08, 0.30);
        assertThat(count("customer c WHERE (SELECT COUNT(*) FROM interaction i WHERE i.customer_id = c.id) >= 30"))
                .isPositive();
        assertThat(count("interaction i JOIN customer c ON c.id = i.customer_id WHERE i.created_at < c.created_at "
                + "OR i.ended_at > ? OR i.ended_at < i.created_at OR i.answered_at < i.created_at "
                + "OR i.answered_at > i.ended_at", NOW)).isZero();
        // The address is the customer's own contact point of the channel's kind (chat uses the e-mail).
        assertThat(count("interaction i WHERE NOT EXISTS (SELECT 1 FROM contact_point p WHERE p.customer_id = "
                + "i.customer_id AND p.address = i.address AND p.kind = CASE i.channel WHEN 'PHONE' THEN 'PHONE' "
                + "WHEN 'SOCIAL' THEN 'SOCIAL' ELSE 'EMAIL' END)")).isZero();
    }

    @Test
    void textsAreFilledInAndWrittenTheWayEachChannelWrites() throws SQLException {
        assertThat(count("interaction WHERE subject LIKE '%{%' OR body LIKE '%{%' OR subject = '' OR body = ''"))
                .isZero();
        assertThat(count("interaction WHERE channel = 'CHAT' AND state = 'ENDED' "
                + "AND (body NOT LIKE 'Agent: %' OR body NOT LIKE '%Visitor: %')")).isZero();
        assertThat(count("interaction WHERE channel = 'EMAIL' AND direction = 'INBOUND' AND body NOT LIKE '%,%'"))
                .isZero();
        assertThat(scalar("SELECT COUNT(DISTINCT subject) FROM interaction")).isGreaterThan(2_000);
        assertThat(scalar("SELECT AVG(LENGTH(body)) FROM interaction WHERE channel = 'EMAIL' "
                + "AND direction = 'INBOUND'")).isGreaterThan(200);
        assertThat(scalar("SELECT MAX(LENGTH(body)) FROM interaction WHERE channel = 'SOCIAL'")).isLessThan(281);
    }

    @Test
    void ticketsBelongToTheirCustomersInteractionsAndAboutFifteenPercentAreOpen() throws SQLException {
        assertThat(share("customer c WHERE EXISTS (SELECT 1 FROM ticket t WHERE t.customer_id = c.id)"))
                .isCloseTo(0.35, within(0.03));
        assertThat(share("customer c WHERE EXISTS (SELECT 1 FROM ticket t WHERE t.customer_id = c.id "
                + "AND t.status IN ('OPEN', 'PENDING'))")).isCloseTo(0.15, within(0.02));
        assertThat(count("ticket t WHERE (SELECT COUNT(*) FROM ticket_interaction l WHERE l.ticket_id = t.id) "
                + "NOT BETWEEN 1 AND 3")).isZero();
        assertThat(count("ticket t WHERE (SELECT COUNT(*) FROM ticket_interaction l WHERE l.ticket_id = t.id) > 1"))
                .isPositive();
        assertThat(count("ticket_interaction l JOIN ticket t ON t.id = l.ticket_id "
                + "JOIN interaction i ON i.id = l.interaction_id WHERE i.customer_id <> t.customer_id")).isZero();
        assertThat(count("ticket WHERE created_at > updated_at OR updated_at > ?", NOW)).isZero();
        assertThat(count("ticket WHERE status IN ('OPEN', 'PENDING') AND created_at < ?",
                NOW.minus(Duration.ofDays(InteractionFactory.OPEN_CASE_DAYS + 1)))).isZero();
        for (String status : List.of("OPEN", "PENDING", "SOLVED", "CLOSED")) {
            assertThat(count("ticket WHERE status = ?", status)).as(status).isPositive();
        }
        for (String priority : List.of("LOW", "NORMAL", "HIGH", "URGENT")) {
            assertThat(count("ticket WHERE priority = ?", priority)).as(priority).isPositive();
        }
        assertThat(count("ticket t WHERE (SELECT COUNT(*) FROM ticket_note n WHERE n.ticket_id = t.id) > 3")).isZero();
        assertThat(count("ticket t WHERE NOT EXISTS (SELECT 1 FROM ticket_note n WHERE n.ticket_id = t.id)"))
                .isPositive();
        assertThat(count("ticket_note WHERE author_id IS NOT NULL OR author_name = '' OR body LIKE '%{%'")).isZero();
        assertThat(count("ticket_note n JOIN ticket t ON t.id = n.ticket_id WHERE n.created_at < t.created_at "
                + "OR n.created_at > t.updated_at")).isZero();
    }

    @Test
    void everyCustomerHasPurchasesThatNetToItsLifetimeValue() throws SQLException {
        assertThat(count("customer c WHERE NOT EXISTS (SELECT 1 FROM customer_purchase p WHERE p.customer_id = c.id)"))
                .isZero();
        assertThat(count("customer c WHERE c.lifetime_value <> (SELECT SUM(p.amount) FROM customer_purchase p "
                + "WHERE p.customer_id = c.id)")).isZero();
        assertThat(count("customer_purchase p JOIN customer c ON c.id = p.customer_id WHERE p.at < c.created_at "
                + "OR p.at > ?", NOW)).isZero();
        double purchases = count("customer_purchase");
        assertThat(purchases / CUSTOMERS).isBetween(3.5, 5.0);
        assertThat(count("customer_purchase WHERE amount < 0") / purchases).isBetween(0.02, 0.04);
    }

    @Test
    void someCardsShowABuyingRhythmThatSlowedOrSpendThatFell() {
        InsightStore insight = new InsightStore(db.dataSource());
        ChurnSignals churn = new ChurnSignals();
        int sample = 2_000;
        int slowing = 0;
        int declining = 0;
        for (long id = 1; id <= sample; id++) {
            List<String> codes = churn.assess(List.of(), insight.purchases(id), List.of(), NOW).stream()
                    .map(Signal::code).toList();
            slowing += codes.contains(ChurnSignals.GROWING_GAP_PURCHASES) ? 1 : 0;
            declining += codes.contains(ChurnSignals.DECLINING_SPEND) ? 1 : 0;
        }
        assertThat((double) slowing / sample).isBetween(0.10, 0.22);
        assertThat((double) declining / sample).isBetween(0.12, 0.26);
    }

    private double share(String tableAndWhere) throws SQLException {
        return (double) count(tableAndWhere) / CUSTOMERS;
    }

    private long count(String tableAndWhere, Object... params) throws SQLException {
        return (long) scalar("SELECT COUNT(*) FROM " + tableAndWhere, params);
    }

    private double scalar(String sql, Object... params) throws SQLException {
        try (Connection c = db.connection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i] instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : params[i];
                ps.setObject(i + 1, p);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    private List<String[]> rows(String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }
}
