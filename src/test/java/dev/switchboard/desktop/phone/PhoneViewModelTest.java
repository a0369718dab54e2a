package dev.switchboard.desktop.phone;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.PhoneView;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.QueuedTaskRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneViewModelTest {

    @Test
    void aRegisteredPhoneIsReadyAndSaysWhereAndAsWhom() {
        Harness h = Harness.inline();
        PhoneViewModel phone = h.w.phone();
        assertThat(phone.statusProperty().get()).isEqualTo(PhoneViewModel.Status.READY);
        assertThat(phone.textProperty().get()).isEqualTo("Phone ready");
        assertThat(phone.detailsProperty().get()).isEqualTo("Your phone (sip:agent@192.0.2.10:5062) is registered "
                + "at sip:127.0.0.1:5060 as agent. Calls you accept ring on it.");
    }

    @Test
    void phoneEventsChangeItAndOnlyTheAgentsOwnCount() {
        Harness h = Harness.inline();
        PhoneViewModel phone = h.w.phone();
        h.api.changePhone(false);
        assertThat(phone.statusProperty().get()).isEqualTo(PhoneViewModel.Status.NOT_REGISTERED);
        assertThat(phone.textProperty().get()).isEqualTo("Phone not registered");
        assertThat(phone.detailsProperty().get()).isEqualTo(
                "Calls cannot reach you. Register your SIP phone at sip:127.0.0.1:5060 with the user name agent.");

        h.api.emit(EventTypes.PHONE, new PhoneView(8, true, "sip:sam@192.0.2.11", null, "sip:127.0.0.1:5060"));
        assertThat(phone.statusProperty().get()).isEqualTo(PhoneViewModel.Status.NOT_REGISTERED);
        h.api.changePhone(true);
        assertThat(phone.statusProperty().get()).isEqualTo(PhoneViewModel.Status.READY);
    }

    @Test
    void whenTheServerCannotSayTheStatusIsUnknown() {
        Harness h = Harness.inline();
        h.api.failPhone = true;
        h.w.phone().load();
        assertThat(h.w.phone().statusProperty().get()).isEqualTo(PhoneViewModel.Status.UNKNOWN);
        assertThat(h.w.phone().textProperty().get()).isEqualTo("Phone status unknown");
        assertThat(h.w.phone().detailsProperty().get()).endsWith("No such route.");
    }

    @Test
    void itIsAskedOffTheFxThreadAndAnEventOvertakesAnOlderAnswer() {
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        Harness h = new Harness(tasks);
        PhoneViewModel phone = h.w.phone();
        phone.load();
        assertThat(phone.textProperty().get()).as("until the server answers").isEqualTo("Phone ready");
        assertThat(tasks.pending()).isEqualTo(1);
        h.api.changePhone(false);
        tasks.runAll();
        assertThat(phone.statusProperty().get()).isEqualTo(PhoneViewModel.Status.NOT_REGISTERED);
    }
}
