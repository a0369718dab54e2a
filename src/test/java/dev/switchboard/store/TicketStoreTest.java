package dev.switchboard.store;

import dev.switchboard.domain.CaseFile;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Routing;
import dev.switchboard.domain.Ticket;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The escalation's read: every ticket whose SLA clock runs, with its links, found by index. */
class TicketStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void theRunningClocksAreReadWholePastOneReadOfIds() {
        try (Database db = Database.h2Memory("ticket-store-" + System.nanoTime())) {
            TicketStore tickets = new TicketStore(db.dataSource());
            InteractionStore interactions = new InteractionStore(db.dataSource());
            long customer = new CustomerStore(db.dataSource()).create("Cla", "Ck", null, List.of(), null, T0).id();
            List<Long> running = new ArrayList<>();
            List<Long> runningLinks = new ArrayList<>();
            // four kinds in turn: no clock; open with a clock; pending with a clock; solved with a clock
            for (int i = 0; i < 1_203; i++) {
                long interaction = interactions.insert(new Interaction(0, customer, Channel.EMAIL, Direction.INBOUND,
                        InteractionState.ENDED, "cla@example.com", "Mail " + i, "", T0, null, T0, null,
                        Routing.NONE)).id();
                CaseFile file = i % 4 == 0 ? CaseFile.NONE
                        : CaseFile.NONE.withClock(T0.plusSeconds(i), 60, 480, 0, null, null);
                long id = tickets.create(customer, "Ticket " + i, TicketPriority.NORMAL, List.of(interaction), null,
                        null, "", T0, file, "Opened").id();
                TicketStatus status = switch (i % 4) {
                    case 2 -> TicketStatus.PENDING;
                    case 3 -> TicketStatus.SOLVED;
                    default -> TicketStatus.OPEN;
                };
                if (status != TicketStatus.OPEN) {
                    tickets.update(id, null, null, status, null, null, T0.plusSeconds(1));
                }
                if (i % 4 == 1 || i % 4 == 2) {
                    running.add(id);
                    runningLinks.add(interaction);
                }
            }

            List<Ticket> read = tickets.openWithClocks();

            // more than one list of ids' worth (500), and each ticket with its own link
            assertThat(read).hasSize(602);
            assertThat(read).extracting(Ticket::id).containsExactlyElementsOf(running);
            assertThat(read).extracting(t -> t.interactionIds()).containsExactlyElementsOf(
                    runningLinks.stream().map(List::of).toList());
            assertThat(read).allSatisfy(t -> assertThat(t.caseFile().slaStartedAt()).isNotNull());
        }
    }

    @Test
    void theRunningClocksAreSoughtPerStatusNotReadForEveryOpenTicket() throws Exception {
        try (Database db = Database.h2Memory("ticket-store-" + System.nanoTime())) {
            StringBuilder plan = new StringBuilder();
            try (Connection c = db.connection();
                 PreparedStatement ps = c.prepareStatement("EXPLAIN " + TicketStore.openWithClocksSql())) {
                ps.setString(1, "OPEN");
                ps.setObject(2, null);
                ps.setString(3, "PENDING");
                ps.setObject(4, null);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1));
                    }
                }
            }
            // with "status IN (...) AND sla_started_at IS NOT NULL" the seek is on the status alone
            assertThat(plan.toString()).as(plan.toString()).contains(
                    "TICKET_SLA_OPEN: STATUS = ?1\n        AND SLA_STARTED_AT > ?2",
                    "TICKET_SLA_OPEN: STATUS = ?3\n        AND SLA_STARTED_AT > ?4");
        }
    }
}
