package dev.switchboard.desktop.callback;

import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.NewCallbackRequest;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.domain.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackViewModelTest {

    @Test
    void anActiveCallBecomesACallbackThatKeepsItsPlace() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        h.w.contacts().accept();
        CallbackViewModel c = h.w.callback();

        h.w.main().startCallback(null);
        assertThat(c.openProperty().get()).isTrue();
        assertThat(c.titleProperty().get()).isEqualTo("Call back Ada Lovelace");
        assertThat(c.numberProperty().get()).isEqualTo("+44 20 7946 0101");
        assertThat(c.nowTextProperty().get()).isEqualTo("Now – they keep their place in the queue");
        assertThat(c.queueProperty().get().id()).as("its own queue").isEqualTo(Fixtures.GENERAL);
        c.noteProperty().set("Wants the statement read out");
        c.submit();

        assertThat(h.api.callbacks).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo(501L);
            assertThat(e.getValue()).isEqualTo(new CallbackRequest("+44 20 7946 0101", null, Fixtures.GENERAL, null,
                    "Wants the statement read out"));
        });
        assertThat(c.openProperty().get()).isFalse();
        assertThat(h.w.contacts().tabs()).as("the call left this agent").isEmpty();
    }

    @Test
    void aWaitingCallIsCalledBackByMeAtAGivenTime() {
        Harness h = Harness.inline();
        h.api.queue.add(Fixtures.waiting(77, Channel.PHONE, "Grace Hopper", "Order status", "General enquiries", 5,
                90, 20));
        h.api.interactions.put(77L, Fixtures.incoming(77, Fixtures.GRACE, Channel.PHONE, "+12025550143",
                "+1 202-555-0143", "Order status", null));
        h.w.queue().load();
        CallbackViewModel c = h.w.callback();

        h.w.main().startCallback(h.w.queue().items().get(0));
        assertThat(c.numberProperty().get()).as("fetched from the server").isEqualTo("+1 202-555-0143");
        c.whenProperty().set(CallbackViewModel.When.LATER);
        c.dateProperty().set(LocalDate.of(2025, 11, 14));
        c.timeProperty().set("9:30");
        c.submit();
        assertThat(c.whenErrorProperty().get()).isEqualTo("That time has passed; choose a later one.");

        c.timeProperty().set("1430");
        c.toProperty().set(CallbackViewModel.To.ME);
        c.submit();
        assertThat(h.api.callbacks.get(0).getValue()).isEqualTo(new CallbackRequest("+1 202-555-0143",
                Instant.parse("2025-11-14T14:30:00Z"), null, 7L, null));
    }

    @Test
    void theCustomerOnTheCardGetsAScheduledCallback() {
        Harness h = Harness.inline();
        h.w.main().openCustomer(h.api.customers.get(Fixtures.ADA));
        CallbackViewModel c = h.w.callback();

        h.w.main().startCallback(null);
        assertThat(c.numbers()).containsExactly("+44 20 7946 0101", "+44 7700 900101");
        assertThat(c.nowTextProperty().get()).isEqualTo("As soon as possible");
        c.numberProperty().set("");
        c.submit();
        assertThat(c.numberErrorProperty().get()).isEqualTo("Give the number to call.");

        c.numberProperty().set("+44 7700 900101");
        c.submit();
        assertThat(h.api.scheduled).singleElement().isEqualTo(new NewCallbackRequest(Fixtures.ADA, "+44 7700 900101",
                Fixtures.NOW, Fixtures.GENERAL, null, null));
        assertThat(h.w.notices().messageProperty().get()).isEqualTo("Callback to +44 7700 900101 booked.");
    }

    @Test
    void timesAreReadAsPeopleTypeThem() {
        assertThat(CallbackViewModel.parseTime("14:30")).isEqualTo(LocalTime.of(14, 30));
        assertThat(CallbackViewModel.parseTime("9.05")).isEqualTo(LocalTime.of(9, 5));
        assertThat(CallbackViewModel.parseTime("0915")).isEqualTo(LocalTime.of(9, 15));
        assertThat(CallbackViewModel.parseTime("25:00")).isNull();
        assertThat(CallbackViewModel.parseTime("soon")).isNull();
    }
}
