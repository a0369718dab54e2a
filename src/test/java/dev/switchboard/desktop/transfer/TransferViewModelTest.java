package dev.switchboard.desktop.transfer;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransferViewModelTest {

    private static Harness activeCall() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        h.w.contacts().accept();
        return h;
    }

    @Test
    void queuesThenColleaguesAreTheTargetsAndTypingFiltersThem() {
        Harness h = activeCall();
        TransferViewModel t = h.w.transfer();
        assertThat(t.open()).isTrue();
        assertThat(t.titleProperty().get()).isEqualTo("Transfer Ada Lovelace");
        assertThat(t.targets()).extracting(TransferTarget::name).containsExactly("General enquiries", "Billing",
                "Web chat", "E-mail", "Jordan Lee", "Sam Patel");
        assertThat(t.targets().get(5).detail()).isEqualTo("Ready");
        assertThat(h.api.calls).as("agents' states fetched fresh").contains("config");

        t.filterProperty().set("sam");
        assertThat(t.targets()).extracting(TransferTarget::name).containsExactly("Sam Patel");
    }

    @Test
    void aTransferToAQueueCarriesTheNoteAndClosesTheTab() {
        Harness h = activeCall();
        TransferViewModel t = h.w.transfer();
        t.open();
        t.submit();
        assertThat(t.targetErrorProperty().get()).isEqualTo("Choose a queue or an agent.");

        t.targetProperty().set(t.targets().get(1));
        t.noteProperty().set("Double charge on the November invoice; she has the statement ready.");
        t.submit();

        assertThat(h.api.transfers).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo(501L);
            assertThat(e.getValue()).isEqualTo(new TransferRequest(Fixtures.BILLING, null,
                    "Double charge on the November invoice; she has the statement ready."));
        });
        assertThat(t.openProperty().get()).isFalse();
        assertThat(h.w.contacts().tabs()).isEmpty();
        assertThat(h.w.notices().messageProperty().get()).isEqualTo("Ada Lovelace transferred to Billing.");
    }

    @Test
    void aTransferToANamedColleague() {
        Harness h = activeCall();
        TransferViewModel t = h.w.transfer();
        t.open();
        t.filterProperty().set("jordan");
        t.submit(); // one match left: it is the one
        assertThat(h.api.transfers.get(0).getValue()).isEqualTo(new TransferRequest(null, 9L, null));
    }

    @Test
    void onlyAnActiveContactCanBeTransferred() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        assertThat(h.w.transfer().open()).isFalse();
        h.w.main().startTransfer();
        assertThat(h.w.notices().messageProperty().get()).isEqualTo("Select an active contact to transfer it.");
    }

    @Test
    void aCallCanGoToAnOutsideNumberWhichTheServerChecks() {
        Harness h = activeCall();
        TransferViewModel t = h.w.transfer();
        t.open();
        assertThat(t.canNumberProperty().get()).isTrue();
        t.toNumberProperty().set(true);
        t.submit();
        assertThat(t.numberErrorProperty().get()).isEqualTo("Give the number to transfer the call to.");

        t.numberProperty().set("claims");
        t.submit();
        assertThat(t.numberErrorProperty().get()).isEqualTo("“claims” is not a phone number.");
        assertThat(t.openProperty().get()).isTrue();

        t.numberProperty().set(" +44 20 7946 0000 ");
        t.submit();
        assertThat(h.api.transfers.get(h.api.transfers.size() - 1).getValue())
                .isEqualTo(new TransferRequest(null, null, "+44 20 7946 0000", null));
        assertThat(t.openProperty().get()).isFalse();
        assertThat(h.w.notices().messageProperty().get()).isEqualTo("Ada Lovelace transferred to +44 20 7946 0000.");
    }

    @Test
    void onlyACallCanGoToANumber() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFrom(h.api, 801, Fixtures.GRACE, dev.switchboard.domain.Channel.CHAT,
                "grace@compilers.example", null, "Hello", null));
        h.w.contacts().accept();
        TransferViewModel t = h.w.transfer();
        t.open();
        assertThat(t.canNumberProperty().get()).isFalse();
        t.toNumberProperty().set(true);
        t.numberProperty().set("+44 20 7946 0000");
        t.submit();
        assertThat(t.targetErrorProperty().get()).as("the number is ignored").isEqualTo("Choose a queue or an agent.");
        assertThat(h.api.transfers).isEmpty();
    }
}
