package dev.switchboard.desktop.main;

import dev.switchboard.api.AgentView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.Theme;
import dev.switchboard.desktop.ThemeModel;
import dev.switchboard.desktop.card.CardViewModel;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import dev.switchboard.desktop.search.SearchViewModel;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.AgentState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;

import java.time.Instant;
import java.util.List;

/**
 * The main window's state: the agent, their state and connection, the notice line and the theme. It
 * also ties the parts together: the selected contact drives the card, a new offer closes the search
 * results, and a search result opens the card.
 */
public final class MainViewModel {
    private final AgentSession session;
    private final ContactsViewModel contacts;
    private final CardViewModel card;
    private final SearchViewModel search;
    private final ThemeModel theme;
    private final NoticeBoard notices;
    private final Runnable signOut;
    private final Runnable quit;
    private final Subscriptions subscriptions = new Subscriptions();
    private final StringBinding agentName;
    private final StringBinding agentRole;
    private final StringBinding connection;

    public MainViewModel(AgentSession session, ContactsViewModel contacts, CardViewModel card, SearchViewModel search,
                         ThemeModel theme, NoticeBoard notices, Messages messages, EnumText enums,
                         Runnable signOut, Runnable quit) {
        this.session = session;
        this.contacts = contacts;
        this.card = card;
        this.search = search;
        this.theme = theme;
        this.notices = notices;
        this.signOut = signOut;
        this.quit = quit;
        agentName = Bindings.createStringBinding(() -> name(session.agentProperty().get()), session.agentProperty());
        agentRole = Bindings.createStringBinding(() -> session.agentProperty().get() == null ? ""
                : enums.role(session.agentProperty().get().role()), session.agentProperty());
        connection = Bindings.createStringBinding(() -> {
            if (session.connectedProperty().get()) {
                return messages.get("status.connected");
            }
            String error = session.lastErrorProperty().get();
            return error == null || error.isBlank() ? messages.get("status.connecting")
                    : messages.format("status.reconnecting", error);
        }, session.connectedProperty(), session.lastErrorProperty());
        subscriptions.listen(contacts.selectedProperty(), (obs, old, now) -> showSelected(now));
        subscriptions.listen(contacts.items(), (ListChangeListener<ContactItem>) change -> {
            while (change.next()) {
                if (change.wasAdded() && !change.wasReplaced()) {
                    search.close();
                }
            }
        });
        search.onOpen(this::openCustomer);
    }

    public void openCustomer(CustomerSummary summary) {
        contacts.selectedProperty().set(null);
        card.openCustomer(summary);
    }

    /** What the state selector lists; BUSY is shown while the agent works a contact but cannot be chosen. */
    public List<AgentState> stateChoices() {
        return List.of(AgentState.READY, AgentState.NOT_READY, AgentState.BUSY);
    }

    public static boolean choosable(AgentState state) {
        return state == AgentState.READY || state == AgentState.NOT_READY;
    }

    public void changeState(AgentState wanted) {
        session.changeState(wanted);
    }

    public void useTheme(Theme next) {
        theme.use(next);
    }

    public void signOut() {
        signOut.run();
    }

    public void quit() {
        quit.run();
    }

    public void dismissNotice() {
        notices.dismiss();
    }

    /** Called every second by the view's ticker. */
    public void tick(Instant now) {
        contacts.tick(now);
        notices.tick(now);
    }

    public void dispose() {
        subscriptions.close();
        search.onOpen(null);
    }

    public StringBinding agentNameProperty() {
        return agentName;
    }

    public StringBinding agentRoleProperty() {
        return agentRole;
    }

    public ReadOnlyObjectProperty<AgentState> stateProperty() {
        return session.stateProperty();
    }

    /** Ticks whenever the server answered a state request (see {@link AgentSession#stateAnswersProperty}). */
    public ReadOnlyIntegerProperty stateAnswersProperty() {
        return session.stateAnswersProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.themeProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return session.connectedProperty();
    }

    /** "Connected", "Connecting…" or "Reconnecting… (last error)". */
    public StringBinding connectionProperty() {
        return connection;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notices.messageProperty();
    }

    public ContactsViewModel contacts() {
        return contacts;
    }

    public CardViewModel card() {
        return card;
    }

    public SearchViewModel search() {
        return search;
    }

    private void showSelected(ContactItem item) {
        if (item == null) {
            card.contactClosed();
        } else {
            card.showContact(item);
        }
    }

    private static String name(AgentView agent) {
        if (agent == null) {
            return "";
        }
        return agent.displayName() != null && !agent.displayName().isBlank() ? agent.displayName() : agent.username();
    }
}
