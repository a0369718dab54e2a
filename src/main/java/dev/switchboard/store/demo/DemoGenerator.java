package dev.switchboard.store.demo;

import dev.switchboard.store.demo.Activity.InteractionRow;
import dev.switchboard.store.demo.Activity.NoteRow;
import dev.switchboard.store.demo.Activity.TicketRow;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Produces the customers one by one, each with its history, in id order. Every customer draws from
 * its own random stream derived from the seed and its id, so a change to how one thing is drawn does
 * not reshuffle everything after it; only the uniqueness of contact values is shared state.
 */
final class DemoGenerator {
    /** Share of customer slots that start a two-person household, so ~1.5 % of customers share a line. */
    static final double HOUSEHOLD_RATE = 0.0076;
    private static final long CUSTOMER_SALT = 0x632BE59BD9B4E019L;
    private static final long HISTORY_SALT = 0x8CB92BA72F3D8DD7L;
    private static final long PURCHASE_SALT = 0x4F1BBCDCBFA53E0BL;

    /** A customer and everything that belongs to it, ready to insert. */
    record Bundle(DemoCustomer customer, Activity activity) {
    }

    /** Takes the bundles; may fail with the database's exception, which ends the run. */
    interface Sink {
        void accept(Bundle bundle) throws SQLException;
    }

    private final long seed;
    private final int total;
    private final CustomerFactory customers;
    private final InteractionFactory interactions;
    private final TicketFactory tickets;
    private final PurchaseFactory purchases;
    private final IdSequence interactionIds = new IdSequence(1);
    private final IdSequence ticketIds = new IdSequence(1);
    private final IdSequence noteIds = new IdSequence(1);

    DemoGenerator(DemoWorld world, long seed, int total, double interactionsPerCustomer, Instant now,
                  List<Long> agentIds) {
        this.seed = seed;
        this.total = total;
        Texts texts = new Texts(world);
        this.customers = new CustomerFactory(world, new UsedKeys(), now, total);
        this.interactions = new InteractionFactory(world, texts, interactionsPerCustomer, now, agentIds);
        this.tickets = new TicketFactory(texts, TicketFactory.authors(world, seed, 40), now);
        this.purchases = new PurchaseFactory(now.getEpochSecond());
    }

    /** Generates customers 1..total in order and hands each bundle to {@code sink}. */
    void run(Sink sink) throws SQLException {
        long id = 1;
        while (id <= total) {
            SplittableRandom r = random(CUSTOMER_SALT, id);
            DemoCustomer customer = customers.create(id, r);
            if (id < total && r.nextDouble() < HOUSEHOLD_RATE) {
                DemoCustomer[] pair = customers.household(customer, id + 1, r);
                sink.accept(bundle(pair[0]));
                sink.accept(bundle(pair[1]));
                id += 2;
            } else {
                sink.accept(bundle(customer));
                id++;
            }
        }
    }

    long lastInteractionId() {
        return interactionIds.peek() - 1;
    }

    long lastTicketId() {
        return ticketIds.peek() - 1;
    }

    long lastNoteId() {
        return noteIds.peek() - 1;
    }

    private Bundle bundle(DemoCustomer customer) {
        SplittableRandom r = random(HISTORY_SALT, customer.id());
        List<DemoCase> cases = interactions.cases(customer, r);
        List<InteractionRow> rows = interactions.rows(customer, cases, interactionIds, r);
        List<TicketRow> ticketRows = new ArrayList<>(2);
        List<NoteRow> noteRows = new ArrayList<>(4);
        tickets.tickets(customer.id(), customer.segment(), cases, ticketIds, noteIds, r, ticketRows, noteRows);
        // A stream of their own, so that purchases leave every other row as it was before they existed.
        SplittableRandom p = random(PURCHASE_SALT, customer.id());
        return new Bundle(customer.withPurchases(purchases.purchases(customer, p)),
                new Activity(rows, ticketRows, noteRows));
    }

    private SplittableRandom random(long salt, long id) {
        // Mixed again after adding the id: seeds one step apart would give overlapping streams.
        return new SplittableRandom(mix(mix(seed ^ salt) + id));
    }

    /** Stafford's mix13: spreads nearby seeds far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
