package dev.switchboard.store;

import dev.switchboard.domain.Address;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactPoint;
import dev.switchboard.domain.Customer;
import dev.switchboard.domain.SearchQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customers and their contact points. */
public final class CustomerStore {
    /**
     * Customers with their contact points in one statement: a row per contact point (one with null
     * point columns for a customer without any), each customer's rows together in id order. One
     * statement instead of one for the customers and one for their points: a search is on the path of
     * every screen-pop and lookup, and each statement costs a connection's bookkeeping besides its reads.
     * The columns are read by position (see {@link #row}).
     */
    private static final String WITH_POINTS = "SELECT c.id, c.first_name, c.last_name, c.company, c.segment, "
            + "c.lifetime_value, c.address_line, c.city, c.postcode, c.country, c.created_at, c.version, "
            + "p.kind, p.address, p.label FROM customer c LEFT JOIN contact_point p ON p.customer_id = c.id ";
    private static final String IN_ORDER = " ORDER BY c.id, p.position";
    /** The condition of {@link #findByContact}: kind, address, limit. */
    private static final String BY_CONTACT = "WHERE c.id IN (SELECT customer_id FROM contact_point "
            + "WHERE kind = ? AND address = ? ORDER BY customer_id FETCH FIRST ? ROWS ONLY)";

    /** The statement of {@link #findByContact}, for a test of how the database plans it. */
    static String findByContactSql() {
        return WITH_POINTS + BY_CONTACT + IN_ORDER;
    }

    private final Jdbc jdbc;

    public CustomerStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Optional<Customer> find(long id) {
        List<Customer> found = findAll(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The customers with these ids, in the order given; unknown ids are left out. */
    public List<Customer> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> list = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, Customer> found = new HashMap<>();
        for (Customer customer : withPoints("WHERE c.id IN (" + Jdbc.placeholders(list.size()) + ")",
                ps -> bindAll(ps, list))) {
            found.put(customer.id(), customer);
        }
        List<Customer> out = new ArrayList<>(found.size());
        for (Long id : list) {
            Customer customer = found.get(id);
            if (customer != null) {
                out.add(customer);
            }
        }
        return out;
    }

    /** Ids of the customers holding this exact (normalised) contact point, at most {@code limit}. */
    public List<Long> idsByContact(ContactKind kind, String value, int limit) {
        return jdbc.query("SELECT customer_id FROM contact_point WHERE kind = ? AND address = ? "
                        + "ORDER BY customer_id FETCH FIRST ? ROWS ONLY",
                ps -> {
                    ps.setString(1, kind.name());
                    ps.setString(2, value);
                    ps.setInt(3, limit);
                }, rs -> rs.getLong(1));
    }

    /**
     * The customers holding this exact (normalised) contact point, at most {@code limit}, in id order:
     * {@link #idsByContact} and {@link #findAll} in one statement.
     */
    public List<Customer> findByContact(ContactKind kind, String value, int limit) {
        return withPoints(BY_CONTACT, ps -> {
            ps.setString(1, kind.name());
            ps.setString(2, value);
            ps.setInt(3, limit);
        });
    }

    /** The customers the condition picks, in id order, each with its contact points in their order. */
    private List<Customer> withPoints(String where, Jdbc.Binder binder) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        Map<Long, List<ContactPoint>> points = new HashMap<>();
        jdbc.query(WITH_POINTS + where + IN_ORDER, binder, rs -> {
            long id = rs.getLong(1);
            if (!rows.containsKey(id)) {
                rows.put(id, row(rs));
                points.put(id, new ArrayList<>());
            }
            String kind = rs.getString(13);
            if (kind != null) {
                points.get(id).add(new ContactPoint(ContactKind.valueOf(kind), rs.getString(14), rs.getString(15)));
            }
            return id;
        });
        List<Customer> out = new ArrayList<>(rows.size());
        rows.forEach((id, row) -> out.add(row.toCustomer(points.get(id))));
        return out;
    }

    /**
     * Customers whose "first last" or "last first" starts with {@code nameKey} (see
     * {@link SearchQuery#nameKey}), ordered by name; both columns are indexed, so this stays fast
     * with millions of customers.
     */
    public List<Long> idsByNamePrefix(String nameKey, int limit) {
        String pattern = escapeLike(nameKey) + "%";
        Map<Long, String> found = new LinkedHashMap<>();
        for (String column : List.of("name_key", "last_key")) {
            jdbc.query("SELECT id, " + column + " FROM customer WHERE " + column + " LIKE ? ESCAPE '\\' "
                            + "ORDER BY " + column + ", id FETCH FIRST ? ROWS ONLY",
                    ps -> {
                        ps.setString(1, pattern);
                        ps.setInt(2, limit);
                    }, rs -> found.putIfAbsent(rs.getLong(1), rs.getString(2)));
        }
        return found.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Creates a customer with its contact points and, when {@code interactionId} is given, links that
     * interaction to them: all in one transaction.
     */
    public Customer create(String firstName, String lastName, String company, List<ContactPoint> points,
                           Long interactionId, Instant now) {
        return create(new NewCustomer(firstName, lastName, company, "", "", ""), points, interactionId, now);
    }

    /**
     * What a new customer is created with besides their contact points: the name, company, salutation
     * and postcode (with the country it is written for), each already checked and normalised; null or
     * "" where not given.
     */
    public record NewCustomer(String firstName, String lastName, String company, String salutation, String postcode,
                              String country) {
        public NewCustomer {
            company = company == null ? "" : company;
            salutation = salutation == null ? "" : salutation;
            postcode = postcode == null ? "" : postcode;
            country = country == null ? "" : country;
        }
    }

    /** As {@link #create(String, String, String, List, Long, Instant)}, with a salutation and a postcode. */
    public Customer create(NewCustomer customer, List<ContactPoint> points, Long interactionId, Instant now) {
        return jdbc.inTransaction(c -> {
            Customer created = create(c, customer, points, now);
            if (interactionId != null && InteractionStore.setCustomer(c, interactionId, created.id()) != 1) {
                throw new SQLException("interaction " + interactionId + " vanished");
            }
            return created;
        });
    }

    private Customer create(Connection c, NewCustomer n, List<ContactPoint> points, Instant now) throws SQLException {
        String firstName = n.firstName();
        String lastName = n.lastName();
        long id = Jdbc.insert(c, "INSERT INTO customer (first_name, last_name, company, segment, "
                        + "name_key, last_key, created_at, salutation, postcode, country) "
                        + "VALUES (?, ?, ?, 'New', ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, firstName);
                    ps.setString(2, lastName);
                    ps.setString(3, n.company());
                    ps.setString(4, SearchQuery.nameKey(firstName + " " + lastName));
                    ps.setString(5, SearchQuery.nameKey(lastName + " " + firstName));
                    Jdbc.setInstant(ps, 6, now);
                    ps.setString(7, n.salutation());
                    ps.setString(8, n.postcode());
                    ps.setString(9, n.country());
                });
        int position = 0;
        for (ContactPoint p : points) {
            int pos = position++;
            Jdbc.update(c, "INSERT INTO contact_point (customer_id, kind, address, label, position) "
                    + "VALUES (?, ?, ?, ?, ?)", ps -> {
                        ps.setLong(1, id);
                        ps.setString(2, p.kind().name());
                        ps.setString(3, p.value());
                        ps.setString(4, p.label());
                        ps.setInt(5, pos);
                    });
        }
        return new Customer(id, firstName, lastName, n.company(), "New", null,
                new Address("", "", n.postcode(), n.country()), points, now, 1);
    }

    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM customer", ps -> { }, rs -> rs.getLong(1)).orElse(0L);
    }

    /** Smallest and largest customer id, or empty when there are none; used to sample customers. */
    public Optional<long[]> idRange() {
        return jdbc.queryOne("SELECT MIN(id), MAX(id) FROM customer", ps -> { },
                rs -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)});
    }

    /**
     * Addresses of this kind that several customers share (household numbers, family mailboxes),
     * each once, in address order: the "several matches" case, for the traffic simulator and tests.
     */
    public List<String> sharedAddresses(ContactKind kind, int limit) {
        // walks the (kind, address) index in order and stops after `limit` hits, even with millions of rows
        return jdbc.query("SELECT a.address FROM contact_point a WHERE a.kind = ? "
                        + "AND EXISTS (SELECT 1 FROM contact_point b WHERE b.kind = a.kind AND b.address = a.address "
                        + "AND b.customer_id > a.customer_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM contact_point b WHERE b.kind = a.kind AND b.address = a.address "
                        + "AND b.customer_id < a.customer_id) "
                        + "ORDER BY a.kind, a.address FETCH FIRST ? ROWS ONLY",
                ps -> {
                    ps.setString(1, kind.name());
                    ps.setInt(2, limit);
                }, rs -> rs.getString(1));
    }

    private static void bindAll(java.sql.PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Row(long id, String first, String last, String company, String segment,
                       java.math.BigDecimal value, Address address, Instant createdAt, long version) {
        Customer toCustomer(List<ContactPoint> points) {
            return new Customer(id, first, last, company, segment, value, address, points, createdAt, version);
        }
    }

    /** The customer's columns of a {@link #WITH_POINTS} row, read by position. */
    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), new Address(rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)),
                Jdbc.instant(rs, 11), rs.getLong(12));
    }
}
