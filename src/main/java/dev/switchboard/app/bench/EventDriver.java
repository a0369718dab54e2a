package dev.switchboard.app.bench;

import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.TicketPriority;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps the measured desktop's event stream at a rate. Whenever the events the desktop has received
 * since the start fall behind {@code ratePerSecond} times the time elapsed, it makes one change over
 * the API, in turn: a new e-mail from one of {@code addresses} (other customers; the desktop's agent
 * has the e-mail skill, so it hears the contact join its queue and leave it when a colleague takes
 * it), or a priority change of one of {@code tickets}, the open tickets of the customer on the card
 * (every desktop hears ticket changes; the card's ticket table shows this one). One change at a
 * time, and never more than {@code ratePerSecond} changes a second, whatever comes back.
 */
final class EventDriver implements AutoCloseable {
    private final SwitchboardApi api;
    private final List<String> addresses;
    private final List<Long> tickets;
    private final double ratePerSecond;
    private final LongSupplier received;
    private final Consumer<String> log;
    private final Thread thread;
    private final long startReceived;
    private final long startNanos;
    private volatile boolean running = true;
    private volatile long contacts;
    private volatile long ticketChanges;
    private volatile long errors;

    EventDriver(SwitchboardApi api, List<String> addresses, List<Long> tickets, double ratePerSecond,
                LongSupplier received, Consumer<String> log) {
        if (addresses.isEmpty() || tickets.isEmpty()) {
            throw new IllegalArgumentException("the driver needs addresses and tickets to change");
        }
        this.api = api;
        this.addresses = List.copyOf(addresses);
        this.tickets = List.copyOf(tickets);
        this.ratePerSecond = ratePerSecond;
        this.received = received;
        this.log = log;
        this.startReceived = received.getAsLong();
        this.startNanos = System.nanoTime();
        this.thread = new Thread(this::drive, "p8-event-driver");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void drive() {
        while (running) {
            double due = ratePerSecond * (System.nanoTime() - startNanos) / 1e9;
            long made = contacts + ticketChanges;
            if (received.getAsLong() - startReceived < due && made < due) {
                try {
                    if (made % 2 == 0) {
                        api.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND,
                                addresses.get((int) (contacts % addresses.size())), "Question " + (contacts + 1),
                                "Could you tell me where my order is? Thanks."));
                        contacts++;
                    } else {
                        long ticket = tickets.get((int) (ticketChanges % tickets.size()));
                        TicketPriority priority = (ticketChanges / tickets.size()) % 2 == 0 ? TicketPriority.HIGH
                                : TicketPriority.NORMAL;
                        api.updateTicket(ticket, new TicketUpdateRequest(null, null, priority, null, null));
                        ticketChanges++;
                    }
                } catch (RuntimeException e) {
                    errors++;
                    if (errors <= 3) {
                        log.accept("P8: a change failed: " + e.getMessage());
                    }
                    if (made % 2 == 0) {
                        contacts++;
                    } else {
                        ticketChanges++;
                    }
                }
            } else {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    long contacts() {
        return contacts;
    }

    long ticketChanges() {
        return ticketChanges;
    }

    long errors() {
        return errors;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
