package dev.switchboard.desktop;

import dev.switchboard.api.LoginResponse;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.card.CardViewModel;
import dev.switchboard.desktop.card.IdentityModel;
import dev.switchboard.desktop.card.TicketsModel;
import dev.switchboard.desktop.card.TimelineModel;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import dev.switchboard.desktop.customer.NewCustomerViewModel;
import dev.switchboard.desktop.main.MainViewModel;
import dev.switchboard.desktop.search.SearchViewModel;
import dev.switchboard.desktop.session.AgentSession;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Everything that lives while an agent is signed in: the session with its event stream and the view
 * models of the main window, wired together. Closing it stops the stream and releases every listener.
 */
public final class Workspace {
    private final NoticeBoard notices;
    private final AgentSession session;
    private final ContactsViewModel contacts;
    private final NewCustomerViewModel form;
    private final CardViewModel card;
    private final SearchViewModel search;
    private final MainViewModel main;

    /** Shared, signed-out parts: what every workspace of this desktop uses. */
    public record Tools(SwitchboardApi api, TaskRunner tasks, Executor ui, Clock clock, Messages messages,
                        EnumText enums, Formats formats, ErrorText errors, ThemeModel theme) {
    }

    public Workspace(LoginResponse login, Tools t, Runnable signOut, Runnable quit) {
        notices = new NoticeBoard(t.clock());
        session = new AgentSession(login, t.api(), t.tasks(), t.ui(), t.errors(), notices);
        contacts = new ContactsViewModel(session, t.api(), t.tasks(), t.messages(), t.enums(), t.errors(), notices,
                t.clock());
        form = new NewCustomerViewModel(t.api(), t.tasks(), t.messages(), t.enums(), t.errors());
        TicketsModel tickets = new TicketsModel(t.api(), t.tasks(), t.messages(), t.enums(), t.formats(), t.errors(),
                t.clock());
        TimelineModel timeline = new TimelineModel(t.api(), t.tasks(), t.formats(), t.enums(), t.errors());
        card = new CardViewModel(t.api(), t.tasks(), t.messages(), t.enums(), t.errors(), session.events(), form,
                tickets, timeline, new IdentityModel(t.messages(), t.formats()));
        search = new SearchViewModel(t.api(), t.tasks(), t.messages(), t.errors());
        main = new MainViewModel(session, contacts, card, search, t.theme(), notices, t.messages(), t.enums(),
                signOut, quit);
    }

    /** Starts following the event stream and shows the contacts still active from an earlier sign-in. */
    public void start() {
        session.start();
        contacts.restoreActiveWork();
    }

    public void close() {
        main.dispose();
        card.dispose();
        contacts.dispose();
        session.close();
    }

    public NoticeBoard notices() {
        return notices;
    }

    public AgentSession session() {
        return session;
    }

    public ContactsViewModel contacts() {
        return contacts;
    }

    public NewCustomerViewModel form() {
        return form;
    }

    public CardViewModel card() {
        return card;
    }

    public SearchViewModel search() {
        return search;
    }

    public MainViewModel main() {
        return main;
    }
}
