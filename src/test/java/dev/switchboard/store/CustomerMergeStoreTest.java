package dev.switchboard.store;

import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The merge's own rules, on the store: every referencing table known, refusals undoing everything, addresses kept whole. */
class CustomerMergeStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private Database db;
    private CustomerStore customers;
    private CustomerMergeStore merges;

    @BeforeEach
    void open() {
        db = Database.h2Memory("merge-store-" + System.nanoTime());
        customers = new CustomerStore(db.dataSource());
        merges = new CustomerMergeStore(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyTableReferencingACustomerIsOneTheMergeCarriesOver() throws SQLException {
        Set<String> referencing = new HashSet<>();
        try (Connection c = db.connection()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getExportedKeys(c.getCatalog(), c.getSchema(), "CUSTOMER")) {
                while (rs.next()) {
                    referencing.add(rs.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(referencing).as("a table referencing customer (id) must be taught to CustomerMergeStore.merge")
                .containsExactlyInAnyOrderElementsOf(CustomerMergeStore.CARRIED);
    }

    @Test
    void aMergeRefusedHalfwayLeavesBothCustomersAsTheyWere() throws SQLException {
        long survivor = customer("Ann", "Lee", "+441632960001");
        long duplicate = customer("Anne", "Lee", "+441632960002");
        update("INSERT INTO customer_purchase (customer_id, at, amount) VALUES (?, ?, 12.50)", duplicate, NOW);
        update("INSERT INTO customer_restricted (customer_id, billing_note) VALUES (?, ?)", survivor, "a".repeat(1500));
        update("INSERT INTO customer_restricted (customer_id, billing_note) VALUES (?, ?)", duplicate, "b".repeat(1000));

        assertThatThrownBy(() -> merges.merge(survivor, duplicate)).isInstanceOfSatisfying(
                CustomerMergeStore.Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(CustomerMergeStore.Refusal.Reason.NOTE_TOO_LONG));

        assertThat(customers.find(duplicate).orElseThrow().contactPoints()).extracting(ContactPoint::value)
                .containsExactly("+441632960002");
        assertThat(customers.find(survivor).orElseThrow().version()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM customer_purchase WHERE customer_id = ?", duplicate)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM customer_restricted WHERE customer_id = ?", duplicate)).isEqualTo(1);
        assertThat(merges.mergedInto(duplicate)).isNull();
    }

    @Test
    void billingNotesAreKeptBothOneUnderTheOther() throws SQLException {
        long survivor = customer("Ann", "Lee", "+441632960001");
        long duplicate = customer("Anne", "Lee", "+441632960002");
        update("INSERT INTO customer_restricted (customer_id, billing_note) VALUES (?, ?)", survivor, "Pays late");
        update("INSERT INTO customer_restricted (customer_id, billing_note) VALUES (?, ?)", duplicate, "Card disputed");

        assertThat(merges.merge(survivor, duplicate).billingNote()).isTrue();

        assertThat(new OrganisationStore(db.dataSource()).billingNote(survivor)).contains("Pays late\n\nCard disputed");
        assertThat(count("SELECT COUNT(*) FROM customer_restricted WHERE customer_id = ?", duplicate)).isZero();
    }

    @Test
    void addressPartsAreTakenOnlyWhenTheTwoAddressesDoNotDisagree() throws SQLException {
        long leeds = customer("Ann", "Lee", "+441632960001");
        long alsoLeeds = customer("Ann", "Lee", "+441632960002");
        long york = customer("Ann", "Lee", "+441632960003");
        update("UPDATE customer SET city = 'Leeds' WHERE id = ?", leeds);
        update("UPDATE customer SET city = 'LEEDS', postcode = 'LS1 4AP', address_line = '1 Park Row' WHERE id = ?",
                alsoLeeds);
        update("UPDATE customer SET city = 'York', postcode = 'YO1 7HH', company = 'Minster Ltd' WHERE id = ?", york);

        assertThat(merges.merge(leeds, york).fieldsFilled()).containsExactly("company");
        assertThat(customers.find(leeds).orElseThrow().address().postcode()).as("not York's postcode in Leeds").isEmpty();

        assertThat(merges.merge(leeds, alsoLeeds).fieldsFilled()).containsExactly("address.line1", "address.postcode");
        var address = customers.find(leeds).orElseThrow().address();
        assertThat(address.line1()).isEqualTo("1 Park Row");
        assertThat(address.city()).isEqualTo("Leeds");
        assertThat(address.postcode()).isEqualTo("LS1 4AP");
    }

    @Test
    void mergedCustomersAreNeitherHoldersNorAtAPostcode() throws SQLException {
        long survivor = customer("Ann", "Lee", "+441632960001");
        long duplicate = customer("Ann", "Lee", "+441632960009");
        long third = customer("Ann", "Leigh", "+441632960009");
        update("UPDATE customer SET postcode = 'LS1 4AP' WHERE id IN (?, ?)", duplicate, third);

        assertThat(merges.holders(ContactKind.PHONE, List.of("+441632960009"), 0, 10))
                .extracting(CustomerMergeStore.Holder::customerId).containsExactly(duplicate, third);
        merges.merge(survivor, duplicate);

        assertThat(merges.holders(ContactKind.PHONE, List.of("+441632960009"), 0, 10))
                .extracting(CustomerMergeStore.Holder::customerId).containsExactly(survivor, third);
        assertThat(merges.atPostcode(List.of("LS1 4AP"), 0, 10)).as("the survivor took the duplicate's postcode")
                .extracting(CustomerMergeStore.Named::id).containsExactly(survivor, third);
        assertThat(merges.mergedInto(duplicate)).isEqualTo(survivor);
        assertThat(customers.idsByNamePrefix("ann lee", 10)).containsExactly(survivor);
    }

    @Test
    void holdersOfSeveralValuesComeByCustomerIdUpToTheLimitAndEachValueIsLookedUpInTheKeyIndex() throws SQLException {
        long a = customer("Ann", "Lee", "+441632960001");
        long b = customer("Bob", "Lee", "+441632960002");
        long c = customer("Cat", "Lee", "+441632960001");
        long d = customer("Dan", "Lee", "+441632960003");

        assertThat(merges.holders(ContactKind.PHONE, List.of("+441632960002", "+441632960001", "+441632960003"), a, 10))
                .extracting(CustomerMergeStore.Holder::customerId, CustomerMergeStore.Holder::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(b, "+441632960002"),
                        org.assertj.core.groups.Tuple.tuple(c, "+441632960001"),
                        org.assertj.core.groups.Tuple.tuple(d, "+441632960003"));
        assertThat(merges.holders(ContactKind.PHONE, List.of("+441632960003", "+441632960001"), 0, 2))
                .extracting(CustomerMergeStore.Holder::customerId).containsExactly(a, c);
        assertThat(merges.holders(ContactKind.EMAIL, List.of("+441632960001"), 0, 10)).isEmpty();

        StringBuilder plan = new StringBuilder();
        try (Connection conn = db.connection();
             PreparedStatement ps = conn.prepareStatement("EXPLAIN " + CustomerMergeStore.holdersSql(2))) {
            int i = 1;
            for (String v : List.of("+441632960001", "+441632960002")) {
                ps.setString(i++, "PHONE");
                ps.setString(i++, v);
                ps.setLong(i++, 0);
                ps.setInt(i++, 10);
            }
            ps.setInt(i, 10);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1));
                }
            }
        }
        // both the kind and the address are sought in the key index, not the kind alone
        assertThat(plan.toString().toUpperCase(Locale.ROOT).replaceAll("\\s+", " "))
                .contains("PUBLIC.CONTACT_POINT_KEY: KIND = ?1 AND ADDRESS = ?2",
                        "PUBLIC.CONTACT_POINT_KEY: KIND = ?5 AND ADDRESS = ?6");
    }

    private long customer(String first, String last, String phone) {
        return customers.create(first, last, null, List.of(new ContactPoint(ContactKind.PHONE, phone, "")), null, NOW)
                .id();
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private int count(String sql, Object... args) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setObject(i + 1, t.atOffset(java.time.ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
