package dev.switchboard.store.demo;

import dev.switchboard.domain.SearchQuery;
import dev.switchboard.store.demo.Activity.InteractionRow;
import dev.switchboard.store.demo.Activity.NoteRow;
import dev.switchboard.store.demo.Activity.TicketRow;
import dev.switchboard.store.demo.DemoCustomer.Contact;
import dev.switchboard.store.demo.DemoCustomer.Purchase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Inserts generated rows through one prepared statement per table, as JDBC batches with explicit
 * ids, on a connection with auto-commit off. Rows are queued with {@code add*} and sent by
 * {@link #flush()} parent tables first, so every foreign key already exists when its child arrives.
 */
final class BulkWriter implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement customer;
    private final PreparedStatement contact;
    private final PreparedStatement purchase;
    private final PreparedStatement interaction;
    private final PreparedStatement ticket;
    private final PreparedStatement link;
    private final PreparedStatement note;
    private long customers;
    private long contacts;
    private long purchases;
    /** Purchase ids up to this one are behind the table's identity already. */
    private long identityAfter;
    private long interactions;
    private long tickets;
    private long openTickets;
    private long notes;

    BulkWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.customer = connection.prepareStatement("INSERT INTO customer (id, first_name, last_name, company, "
                + "segment, lifetime_value, address_line, city, postcode, country, name_key, last_key, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.contact = connection.prepareStatement(
                "INSERT INTO contact_point (customer_id, kind, address, label, position) VALUES (?, ?, ?, ?, ?)");
        this.purchase = connection.prepareStatement(
                "INSERT INTO customer_purchase (id, customer_id, at, amount) VALUES (?, ?, ?, ?)");
        this.interaction = connection.prepareStatement("INSERT INTO interaction (id, customer_id, channel, "
                + "direction, state, address, subject, body, created_at, answered_at, ended_at, agent_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.ticket = connection.prepareStatement("INSERT INTO ticket (id, customer_id, subject, status, priority, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.link = connection.prepareStatement(
                "INSERT INTO ticket_interaction (ticket_id, interaction_id) VALUES (?, ?)");
        this.note = connection.prepareStatement("INSERT INTO ticket_note (id, ticket_id, author_id, author_name, "
                + "body, created_at) VALUES (?, ?, NULL, ?, ?, ?)");
    }

    void addCustomer(DemoCustomer c) throws SQLException {
        customer.setLong(1, c.id());
        customer.setString(2, c.first().display());
        customer.setString(3, c.last().display());
        customer.setString(4, c.company());
        customer.setString(5, c.segment().label);
        customer.setBigDecimal(6, BigDecimal.valueOf(c.lifetimeCents(), 2));
        customer.setString(7, c.address().line());
        customer.setString(8, c.address().city());
        customer.setString(9, c.address().postcode());
        customer.setString(10, c.country().code());
        customer.setString(11, SearchQuery.nameKey(c.first().display() + " " + c.last().display()));
        customer.setString(12, SearchQuery.nameKey(c.last().display() + " " + c.first().display()));
        customer.setObject(13, time(c.createdAt().getEpochSecond()));
        customer.addBatch();
        customers++;
        int position = 0;
        for (Contact p : c.contacts()) {
            contact.setLong(1, c.id());
            contact.setString(2, p.kind().name());
            contact.setString(3, p.value());
            contact.setString(4, p.label());
            contact.setInt(5, position++);
            contact.addBatch();
            contacts++;
        }
        for (Purchase p : c.purchases()) {
            purchase.setLong(1, ++purchases);
            purchase.setLong(2, c.id());
            purchase.setObject(3, time(p.at()));
            purchase.setBigDecimal(4, BigDecimal.valueOf(p.cents(), 2));
            purchase.addBatch();
        }
    }

    void addActivity(Activity a) throws SQLException {
        for (InteractionRow i : a.interactions()) {
            interaction.setLong(1, i.id());
            interaction.setLong(2, i.customerId());
            interaction.setString(3, i.channel().name());
            interaction.setString(4, i.direction().name());
            interaction.setString(5, i.state().name());
            interaction.setString(6, i.address());
            interaction.setString(7, i.subject());
            interaction.setString(8, i.body());
            interaction.setObject(9, time(i.createdAt()));
            setTime(interaction, 10, i.answeredAt());
            setTime(interaction, 11, i.endedAt());
            if (i.agentId() == null) {
                interaction.setNull(12, Types.BIGINT);
            } else {
                interaction.setLong(12, i.agentId());
            }
            interaction.addBatch();
            interactions++;
        }
        for (TicketRow t : a.tickets()) {
            ticket.setLong(1, t.id());
            ticket.setLong(2, t.customerId());
            ticket.setString(3, t.subject());
            ticket.setString(4, t.status().name());
            ticket.setString(5, t.priority().name());
            ticket.setObject(6, time(t.createdAt()));
            ticket.setObject(7, time(t.updatedAt()));
            ticket.addBatch();
            tickets++;
            if (t.status().isOpen()) {
                openTickets++;
            }
            for (long interactionId : t.interactionIds()) {
                link.setLong(1, t.id());
                link.setLong(2, interactionId);
                link.addBatch();
            }
        }
        for (NoteRow n : a.notes()) {
            note.setLong(1, n.id());
            note.setLong(2, n.ticketId());
            note.setString(3, n.authorName());
            note.setString(4, n.body());
            note.setObject(5, time(n.createdAt()));
            note.addBatch();
            notes++;
        }
    }

    /** Sends the queued rows, parents before children. */
    void flush() throws SQLException {
        customer.executeBatch();
        contact.executeBatch();
        purchase.executeBatch();
        interaction.executeBatch();
        ticket.executeBatch();
        link.executeBatch();
        note.executeBatch();
    }

    /**
     * Sends the queued rows and commits them. Purchases, unlike the other tables' rows, are numbered
     * here rather than by the generator: they have no children that need their ids. They are not left
     * to the identity column because on H2 that made each purchase insert several times dearer. So the
     * identity is moved past them at every commit, and a purchase added later continues after them.
     */
    void commit() throws SQLException {
        flush();
        if (purchases > identityAfter) {
            try (Statement s = connection.createStatement()) {
                s.execute("ALTER TABLE customer_purchase ALTER COLUMN id RESTART WITH " + (purchases + 1));
            }
            identityAfter = purchases;
        }
        connection.commit();
    }

    long customers() {
        return customers;
    }

    long contacts() {
        return contacts;
    }

    long purchases() {
        return purchases;
    }

    long interactions() {
        return interactions;
    }

    long tickets() {
        return tickets;
    }

    long openTickets() {
        return openTickets;
    }

    long notes() {
        return notes;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : new PreparedStatement[] {customer, contact, purchase, interaction, ticket,
                link, note}) {
            ps.close();
        }
    }

    private static void setTime(PreparedStatement ps, int index, long epochSecond) throws SQLException {
        if (epochSecond == Activity.NO_TIME) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, time(epochSecond));
        }
    }

    private static OffsetDateTime time(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
