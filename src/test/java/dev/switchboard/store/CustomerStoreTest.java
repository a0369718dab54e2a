package dev.switchboard.store;

import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactPoint;
import dev.switchboard.domain.Customer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading customers with their contact points, each in one statement. */
class CustomerStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final String SHARED = "+447700900111";
    private Database db;
    private CustomerStore customers;
    private Customer ann;
    private Customer bob;
    private Customer carl;

    @BeforeEach
    void open() {
        db = Database.h2Memory("customer-store-" + System.nanoTime());
        customers = new CustomerStore(db.dataSource());
        ann = customers.create("Ann", "Zeta", "Acme", List.of(
                new ContactPoint(ContactKind.PHONE, SHARED, "mobile"),
                new ContactPoint(ContactKind.EMAIL, "ann@example.com", ""),
                new ContactPoint(ContactKind.PHONE, "+442079460000", "work")), null, NOW);
        bob = customers.create("Bob", "Zeta", null, List.of(new ContactPoint(ContactKind.PHONE, SHARED, "home")),
                null, NOW);
        carl = customers.create("Carl", "Young", null, List.of(), null, NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theHoldersOfAContactPointComeInIdOrderWithAllTheirPointsInTheirOrder() {
        List<Customer> found = customers.findByContact(ContactKind.PHONE, SHARED, 10);

        assertThat(found).extracting(Customer::id).containsExactly(ann.id(), bob.id());
        assertThat(found.get(0).contactPoints()).containsExactly(
                new ContactPoint(ContactKind.PHONE, SHARED, "mobile"),
                new ContactPoint(ContactKind.EMAIL, "ann@example.com", ""),
                new ContactPoint(ContactKind.PHONE, "+442079460000", "work"));
        assertThat(found.get(0).company()).isEqualTo("Acme");
        assertThat(found.get(0).createdAt()).isEqualTo(NOW);
        assertThat(found.get(1).contactPoints()).containsExactly(new ContactPoint(ContactKind.PHONE, SHARED, "home"));
        assertThat(customers.findByContact(ContactKind.PHONE, SHARED, 10)).extracting(Customer::id)
                .containsExactlyElementsOf(customers.idsByContact(ContactKind.PHONE, SHARED, 10));
    }

    @Test
    void theLimitCountsCustomersNotTheirContactPoints() {
        assertThat(customers.findByContact(ContactKind.PHONE, SHARED, 1)).singleElement()
                .satisfies(c -> assertThat(c.contactPoints()).hasSize(3));
        assertThat(customers.findByContact(ContactKind.EMAIL, "ann@example.com", 5)).extracting(Customer::id)
                .containsExactly(ann.id());
        assertThat(customers.findByContact(ContactKind.EMAIL, SHARED, 5)).as("the kind must match too").isEmpty();
        assertThat(customers.findByContact(ContactKind.PHONE, "+449999999999", 5)).isEmpty();
    }

    @Test
    void customersByIdComeInTheOrderAskedOnceEachWithOrWithoutContactPoints() {
        assertThat(customers.findAll(List.of(carl.id(), ann.id(), 999_999L, carl.id(), bob.id())))
                .extracting(Customer::id).containsExactly(carl.id(), ann.id(), bob.id());
        Customer read = customers.find(carl.id()).orElseThrow();
        assertThat(read.contactPoints()).isEmpty();
        assertThat(read.firstName()).isEqualTo("Carl");
        assertThat(customers.find(999_999L)).isEmpty();
        assertThat(customers.findAll(List.of())).isEmpty();
    }

    @Test
    void aLookupByNumberReadsIndexesAndTheCustomerRowsOnly() throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN " + CustomerStore.findByContactSql())) {
            ps.setString(1, "PHONE");
            ps.setString(2, SHARED);
            ps.setInt(3, 10);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1));
                }
            }
        }
        // the key index holds the customer id and the points index all the columns read of a point, so
        // H2 takes them from the indexes without looking up the contact-point rows
        assertThat(plan.toString().toUpperCase(java.util.Locale.ROOT))
                .contains("PUBLIC.CONTACT_POINT_KEY: KIND = ?1", "PUBLIC.CONTACT_POINT_OF_CUSTOMER: CUSTOMER_ID = C.ID");
    }
}
