package dev.switchboard.desktop.dial;

import dev.switchboard.api.DialRequest;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.domain.InteractionState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DialViewModelTest {

    @Test
    void aNumberIsNeeded() {
        Harness h = Harness.inline();
        h.w.dial().numberProperty().set("   ");
        h.w.dial().dial();
        assertThat(h.w.dial().errorProperty().get()).isEqualTo("Type the number to call.");
        assertThat(h.api.dialled).isEmpty();
    }

    @Test
    void theServersRefusalIsShownAndTheNumberKept() {
        Harness h = Harness.inline();
        h.api.phone = new dev.switchboard.api.PhoneView(7, false, null, null, "sip:127.0.0.1:5060");
        DialViewModel dial = h.w.dial();
        dial.numberProperty().set("+44 20 7946 0101");
        dial.dial();
        assertThat(dial.errorProperty().get()).isEqualTo("Your phone is not registered");
        assertThat(dial.numberProperty().get()).isEqualTo("+44 20 7946 0101");
        assertThat(dial.busyProperty().get()).isFalse();
        assertThat(h.w.contacts().tabs()).isEmpty();
    }

    @Test
    void theDialledCallOpensInItsOwnTabAndIsShown() {
        Harness h = Harness.inline();
        DialViewModel dial = h.w.dial();
        dial.numberProperty().set(" +44 20 7946 0101 ");
        dial.dial();
        assertThat(h.api.dialled).containsExactly(new DialRequest("+44 20 7946 0101", null));
        assertThat(dial.numberProperty().get()).isEmpty();
        assertThat(dial.errorProperty().get()).isEmpty();
        assertThat(h.w.contacts().tabs()).singleElement().satisfies(item -> {
            assertThat(item.state()).isEqualTo(InteractionState.ACTIVE);
            assertThat(item.titleProperty().get()).isEqualTo("Ada Lovelace");
        });
        assertThat(h.w.contacts().selectedProperty().get()).isSameAs(h.w.contacts().tabs().get(0));
        assertThat(h.w.card().identity().nameProperty().get()).isEqualTo("Ada Lovelace");
        assertThat(h.w.call().statusProperty().get()).isEqualTo("Ringing your phone…");
    }

    @Test
    void aCustomersNumberIsDialledForThemAndAFailureIsNoticed() {
        Harness h = Harness.inline();
        DialViewModel dial = h.w.dial();
        dial.dialCustomer("+447700900101", "+44 7700 900101", Fixtures.ADA);
        assertThat(h.api.dialled).containsExactly(new DialRequest("+447700900101", Fixtures.ADA));

        h.api.phone = new dev.switchboard.api.PhoneView(7, false, null, null, "sip:127.0.0.1:5060");
        dial.dialCustomer("+447700900101", "+44 7700 900101", Fixtures.ADA);
        assertThat(dial.numberProperty().get()).isEqualTo("+44 7700 900101");
        assertThat(h.w.notices().messageProperty().get())
                .isEqualTo("Calling +44 7700 900101 failed: Your phone is not registered");
    }
}
