package dev.switchboard.desktop.customer;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DuplicateView;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.InlineTaskRunner;
import dev.switchboard.desktop.Messages;
import dev.switchboard.domain.ContactKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The duplicate look-up of the new-customer form, run inline without the quiet time. */
class NewCustomerViewModelTest {
    private final FakeApi api = new FakeApi();
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final NewCustomerViewModel vm = new NewCustomerViewModel(api, new InlineTaskRunner(), messages,
            new EnumText(messages), new ErrorText(messages, "test server"), d -> { });

    NewCustomerViewModelTest() {
        Fixtures.install(api);
    }

    @Test
    void aHalfTypedNumberIsLeftOutAndTheNameAtThePostcodeStillFindsTheDuplicate() {
        CustomerSummary ada = api.customers.get(Fixtures.ADA);
        api.duplicateSuggestions.add(new DuplicateView(ada, List.of("similar name at the same postcode")));
        vm.prefill(ContactKind.PHONE, "", null);
        assertThat(api.duplicateProbes).as("an empty form asks nothing").isEmpty();

        vm.addressProperty().set("0207");
        vm.lastNameProperty().set("Lovelace");
        vm.postcodeProperty().set("SW1Y 4JH");

        assertThat(vm.duplicates()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Ada Lovelace");
            assertThat(row.reasons()).isEqualTo("similar name at the same postcode");
        });
        var last = api.duplicateProbes.get(api.duplicateProbes.size() - 1);
        assertThat(last.phone()).as("the number the server could not read is left out").isNull();
        assertThat(last.postcode()).isEqualTo("SW1Y 4JH");
        assertThat(vm.duplicatesNoteProperty().get()).startsWith("This person may already be a customer");

        vm.postcodeProperty().set("");
        assertThat(vm.duplicates()).as("too little left to look by").isEmpty();
    }

    @Test
    void prefillingFromTheContactAsksNothingAndAServerThatCannotBeReachedIsSaid() {
        vm.prefill(ContactKind.PHONE, "+44 20 7946 0999", 601L);
        assertThat(api.duplicateProbes).isEmpty();

        api.unreachable = true;
        vm.lastNameProperty().set("Lovelace");
        assertThat(vm.duplicates()).isEmpty();
        assertThat(vm.duplicatesNoteProperty().get()).startsWith("Could not look for duplicates");
        assertThat(vm.checkingProperty().get()).isFalse();
    }

    @Test
    void aDuplicateUsedWithoutAContactIsShownWithoutLinking() {
        CustomerSummary ada = api.customers.get(Fixtures.ADA);
        api.duplicateSuggestions.add(new DuplicateView(ada, List.of("same phone number +442079460101")));
        List<CustomerSummary> shown = new ArrayList<>();
        vm.onSaved(shown::add);
        vm.prefill(ContactKind.PHONE, "", null);
        vm.addressProperty().set("+44 20 7946 0101");

        vm.useDuplicate(vm.duplicates().get(0));

        assertThat(shown).containsExactly(ada);
        assertThat(api.calls).noneMatch(c -> c.startsWith("linkCustomer"));
        assertThat(api.created).isEmpty();
    }
}
