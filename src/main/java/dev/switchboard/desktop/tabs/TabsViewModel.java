package dev.switchboard.desktop.tabs;

import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The centre's tabs: one per contact the agent works (active or in wrap-up), in the order they were
 * taken. The selected tab is the selected contact; the card follows it.
 */
public final class TabsViewModel {
    /** Tabs that have their own number key (Alt+1 … Alt+9). */
    public static final int NUMBERED = 9;

    private final ContactsViewModel contacts;
    private final ObservableMap<Long, Integer> unread;
    private final ObjectBinding<ContactItem> selectedTab;

    /** {@code unread}: the customer's new lines per interaction, in tabs the agent is not looking at. */
    public TabsViewModel(ContactsViewModel contacts, ObservableMap<Long, Integer> unread) {
        this.contacts = contacts;
        this.unread = unread;
        this.selectedTab = Bindings.createObjectBinding(() -> {
            ContactItem item = contacts.selectedProperty().get();
            return contacts.tabs().contains(item) ? item : null;
        }, contacts.selectedProperty(), contacts.tabs());
    }

    public ObservableList<ContactItem> tabs() {
        return contacts.tabs();
    }

    /** The selected contact if it has a tab (an offer on the card has none). */
    public ObjectBinding<ContactItem> selectedTabProperty() {
        return selectedTab;
    }

    /** New customer lines per interaction since its tab was last shown; absent when none. */
    public ObservableMap<Long, Integer> unread() {
        return unread;
    }

    public void select(ContactItem item) {
        if (contacts.tabs().contains(item)) {
            contacts.selectedProperty().set(item);
        }
    }

    /** Alt+n: the n-th tab (1-based); false if there is none. */
    public boolean selectNumber(int number) {
        return number >= 1 && number <= NUMBERED && contacts.selectTab(number - 1);
    }

    public void next() {
        contacts.cycleTabs(true);
    }

    public void previous() {
        contacts.cycleTabs(false);
    }

    public void dispose() {
        selectedTab.dispose();
    }
}
