package dev.switchboard.client.offline;

import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.TicketConflict;
import dev.switchboard.client.TicketConflict.Field;
import dev.switchboard.client.TicketConflict.Side;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The three-way merge of a refused ticket change, field by field. */
class TicketMergeTest {
    private static final Instant T = Instant.parse("2026-11-26T09:00:00Z");

    private static TicketView ticket(String subject, TicketStatus status, TicketPriority priority, long version) {
        return new TicketView(5, 9, subject, status, priority, T, T, version, List.of(), List.of(), null, null);
    }

    private final TicketView base = ticket("Invoice", TicketStatus.OPEN, TicketPriority.NORMAL, 3);

    @Test
    void fieldsOnlyOneSideChangedMergeAgainstTheirVersion() {
        TicketView theirs = ticket("Invoice", TicketStatus.PENDING, TicketPriority.NORMAL, 4);
        TicketConflict c = TicketConflict.merge(1, base, theirs,
                new TicketUpdateRequest("Invoice 4711", null, TicketPriority.HIGH, 3L, null));
        assertThat(c.fields()).isEmpty();
        assertThat(c.merged()).isEqualTo(new TicketUpdateRequest("Invoice 4711", null, TicketPriority.HIGH, 4L, null));
    }

    @Test
    void theSameFieldChangedDifferentlyIsAConflictTheAgentResolves() {
        TicketView theirs = ticket("Invoice", TicketStatus.SOLVED, TicketPriority.URGENT, 4);
        TicketConflict c = TicketConflict.merge(1, base, theirs,
                new TicketUpdateRequest("Invoice 4711", TicketStatus.PENDING, TicketPriority.LOW, 3L, null));
        assertThat(c.fields()).containsExactly(Field.STATUS, Field.PRIORITY);
        assertThat(c.merged().subject()).isEqualTo("Invoice 4711");
        assertThat(c.resolve(Map.of(Field.STATUS, Side.MINE, Field.PRIORITY, Side.THEIRS)))
                .isEqualTo(new TicketUpdateRequest("Invoice 4711", TicketStatus.PENDING, null, 4L, null));
        assertThat(c.resolve(Map.of())).as("unchosen fields keep theirs")
                .isEqualTo(new TicketUpdateRequest("Invoice 4711", null, null, 4L, null));
    }

    @Test
    void aValueBothArrivedAtOrTheAgentDidNotChangeIsNoConflict() {
        TicketView theirs = ticket("Invoice", TicketStatus.SOLVED, TicketPriority.HIGH, 4);
        TicketConflict c = TicketConflict.merge(1, base, theirs,
                new TicketUpdateRequest("Invoice", TicketStatus.SOLVED, TicketPriority.NORMAL, 3L, null));
        assertThat(c.fields()).isEmpty();
        assertThat(c.resolve(Map.of())).as("nothing left to change; the colleague's priority stands").isNull();
    }

    @Test
    void withoutTheTicketAsTheAgentSawItEveryDifferentFieldIsTheAgentsToChoose() {
        TicketView theirs = ticket("Invoice", TicketStatus.SOLVED, TicketPriority.NORMAL, 4);
        TicketConflict c = TicketConflict.merge(1, null, theirs,
                new TicketUpdateRequest("Invoice", TicketStatus.PENDING, TicketPriority.HIGH, 3L, null));
        assertThat(c.fields()).containsExactly(Field.STATUS, Field.PRIORITY);
        assertThat(c.baseValue(Field.STATUS)).isNull();
        assertThat(c.merged()).isEqualTo(new TicketUpdateRequest(null, null, null, 4L, null));
    }
}
