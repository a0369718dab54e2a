package dev.switchboard.desktop.card;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketEvent;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.QueuedTaskRunner;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;
import dev.switchboard.domain.Severity;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InsightModelTest {

    @Test
    void theStoredValueShowsUntilTheInsightArrives() {
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        Harness h = new Harness(tasks);
        CardViewModel card = h.w.card();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));

        assertThat(card.identity().valueProperty().get()).isEqualTo("Lifetime value 48,250");
        assertThat(card.identity().detailsProperty().get()).isEqualTo("Analytical Engines Ltd  ·  Gold");
        assertThat(card.insight().loadedProperty().get()).isFalse();
        assertThat(card.insight().valueProperty().get()).isEmpty();

        tasks.runAll();

        assertThat(card.insight().loadedProperty().get()).isTrue();
        assertThat(card.insight().valueProperty().get()).isEqualTo("Value 1,267.00 · Silver");
        assertThat(card.insight().bandProperty().get()).isEqualTo("Silver");
        // the stored segment names a band too: only the server's band shows, beside the value
        assertThat(card.identity().detailsProperty().get()).isEqualTo("Analytical Engines Ltd");
        assertThat(card.insight().signals()).isEmpty();
        assertThat(card.insight().moreSignalsProperty().get()).isEmpty();
        assertThat(card.insight().permissionSummaryProperty().get()).isEmpty();
    }

    @Test
    void aFailureChangesNothingButTheTooltip() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        InsightModel insight = h.w.card().insight();
        assertThat(insight.loadedProperty().get()).isTrue();

        h.api.unreachable = true;
        h.api.emit(EventTypes.OFFER, Fixtures.offerFrom(h.api, 801, Fixtures.GRACE, Channel.CHAT,
                "grace@compilers.example", null, "Hello", null));
        h.w.card().openCustomer(h.api.customers.get(Fixtures.GRACE));

        assertThat(insight.loadedProperty().get()).isFalse();
        assertThat(insight.valueProperty().get()).isEmpty();
        assertThat(insight.valueHelpProperty().get()).isEqualTo("Value unavailable just now: this is the figure on record.");
        assertThat(insight.doNotUpsellProperty().get()).isFalse();
        assertThat(h.w.card().identity().valueProperty().get()).isEqualTo("Lifetime value 150,300");
    }

    @Test
    void anotherCustomersTicketAsksNothing() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        h.api.calls.clear();
        var other = h.api.createTicket(new NewTicketRequest(Fixtures.CHARLES, "Warranty", TicketPriority.HIGH, null,
                null, TicketKind.COMPLAINT, Severity.MINOR, "Sales", "Other", null, null, null));
        h.api.emit(EventTypes.TICKET, new TicketEvent(other));
        assertThat(h.api.calls).noneMatch(c -> c.startsWith("customerInsight"));
        assertThat(h.w.card().insight().doNotUpsellProperty().get()).isFalse();
    }

    @Test
    void aRefusedPermissionGoesBackAndSaysWhy() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        InsightModel insight = h.w.card().insight();
        PermissionChoice survey = insight.permissions().stream()
                .filter(c -> c.channel() == Channel.CHAT && c.purpose() == ContactPurpose.SURVEY).findFirst()
                .orElseThrow();

        insight.change(survey, true);
        assertThat(survey.allowedProperty().get()).isTrue();
        assertThat(survey.recordedProperty().get()).isTrue();
        assertThat(insight.permissionSummaryProperty().get()).isEqualTo("Survey: Chat ✓");

        h.api.unreachable = true;
        insight.change(survey, false);
        assertThat(survey.allowedProperty().get()).isTrue();
        assertThat(survey.busyProperty().get()).isFalse();
        assertThat(insight.permissionErrorProperty().get()).startsWith("Not saved: The server at");
        assertThat(h.api.permissionsSet).hasSize(1);
    }
}
