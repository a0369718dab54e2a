package dev.switchboard.desktop;

import dev.switchboard.api.HelloEvent;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.domain.Role;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.call.CallViewModel;
import dev.switchboard.desktop.callback.CallbackViewModel;
import dev.switchboard.desktop.card.CardViewModel;
import dev.switchboard.desktop.card.IdentityModel;
import dev.switchboard.desktop.card.InsightModel;
import dev.switchboard.desktop.card.TicketsModel;
import dev.switchboard.desktop.card.TimelineModel;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import dev.switchboard.desktop.conversation.ConversationTools;
import dev.switchboard.desktop.conversation.ConversationsViewModel;
import dev.switchboard.desktop.customer.CustomerMergeViewModel;
import dev.switchboard.desktop.customer.NewCustomerViewModel;
import dev.switchboard.desktop.dial.DialViewModel;
import dev.switchboard.desktop.main.AgentStateModel;
import dev.switchboard.desktop.main.MainViewModel;
import dev.switchboard.desktop.merge.MergeViewModel;
import dev.switchboard.desktop.phone.PhoneViewModel;
import dev.switchboard.desktop.queue.QueueViewModel;
import dev.switchboard.desktop.search.SearchViewModel;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.desktop.sound.Ringer;
import dev.switchboard.desktop.supervisor.SupervisorViewModel;
import dev.switchboard.desktop.sync.SyncViewModel;
import dev.switchboard.desktop.tabs.TabsViewModel;
import dev.switchboard.desktop.ticket.NewTicketViewModel;
import dev.switchboard.desktop.ticket.TicketEditorViewModel;
import dev.switchboard.desktop.ticket.WatchedTickets;
import dev.switchboard.desktop.transfer.TransferViewModel;
import dev.switchboard.desktop.wrapup.WrapUpViewModel;

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
    private final QueueViewModel queue;
    private final TabsViewModel tabs;
    private final ConversationsViewModel conversations;
    private final NewCustomerViewModel form;
    private final CardViewModel card;
    private final SearchViewModel search;
    private final WrapUpViewModel wrapUp;
    private final TransferViewModel transfer;
    private final CallbackViewModel callback;
    private final CallViewModel call;
    private final DialViewModel dial;
    private final PhoneViewModel phone;
    private final AgentStateModel state;
    private final TicketEditorViewModel ticketEditor;
    private final MergeViewModel merge;
    private final SyncViewModel sync;
    private final MainViewModel main;
    private final SupervisorViewModel supervisor;
    private final boolean supervising;
    private final CustomerMergeViewModel customerMerge;
    private final Registration serverTime;
    private final Registration watchedTickets;

    /** Shared, signed-out parts: what every workspace of this desktop uses. */
    public record Tools(SwitchboardApi api, TaskRunner tasks, Executor ui, Clock clock, Messages messages,
                        EnumText enums, Formats formats, ErrorText errors, ThemeModel theme, Ringer ringer) {
    }

    public Workspace(LoginResponse login, Tools t, Runnable signOut, Runnable quit) {
        notices = new NoticeBoard(t.clock());
        session = new AgentSession(login, t.api(), t.tasks(), t.ui(), t.errors(), notices);
        serverTime = t.clock() instanceof ServerClock server
                ? session.events().on(HelloEvent.class, e -> server.seen(e.serverTime())) : () -> { };
        WatchedTickets watched = new WatchedTickets(t.messages(), notices, login.agent() == null ? null
                : login.agent().id());
        watchedTickets = session.events().on(dev.switchboard.api.TicketEvent.class, e -> watched.changed(e.ticket()));
        contacts = new ContactsViewModel(session, t.api(), t.tasks(), t.messages(), t.enums(), t.errors(), notices,
                t.clock());
        queue = new QueueViewModel(session, t.api(), t.tasks(), t.messages(), t.enums(), t.errors(), t.clock());
        conversations = new ConversationsViewModel(contacts, session.events(), new ConversationTools(t.api(), t.tasks(),
                t.messages(), t.formats(), t.errors(), t.clock(), ConversationTools.Pause.sleeping(),
                () -> session.agentProperty().get() == null ? "" : session.agentProperty().get().displayName()));
        tabs = new TabsViewModel(contacts, conversations.unread());
        form = new NewCustomerViewModel(t.api(), t.tasks(), t.messages(), t.enums(), t.errors());
        TicketsModel tickets = new TicketsModel(t.api(), t.tasks(), t.messages(), t.enums(), t.formats(), t.errors(),
                t.clock());
        TimelineModel timeline = new TimelineModel(t.api(), t.tasks(), t.formats(), t.enums(), t.errors());
        NewTicketViewModel newTicket = new NewTicketViewModel(t.api(), t.tasks(), t.messages(), t.enums(), t.formats(),
                t.errors(), notices, t.clock());
        card = new CardViewModel(t.api(), t.tasks(), t.messages(), t.enums(), t.errors(), session.events(), form,
                tickets, timeline, new IdentityModel(t.messages(), t.formats()),
                new InsightModel(t.api(), t.tasks(), t.messages(), t.enums(), t.errors()), newTicket);
        customerMerge = new CustomerMergeViewModel(t.api(), t.tasks(), t.messages(), t.errors(),
                login.agent() != null && login.agent().role().oversees());
        customerMerge.onMerged(card::customerMerged);
        search = new SearchViewModel(t.api(), t.tasks(), t.messages(), t.errors());
        wrapUp = new WrapUpViewModel(contacts, session, t.api(), t.tasks(), t.messages(), t.errors(), t.clock());
        transfer = new TransferViewModel(contacts, session, t.api(), t.tasks(), t.messages(), t.enums(), t.errors(),
                notices);
        callback = new CallbackViewModel(contacts, session, t.api(), t.tasks(), t.messages(), t.errors(), notices,
                t.clock());
        call = new CallViewModel(contacts, session, t.api(), t.tasks(), t.messages(), t.enums(), t.errors(), notices,
                t.clock());
        dial = new DialViewModel(contacts, t.api(), t.tasks(), t.messages(), t.errors(), notices);
        phone = new PhoneViewModel(session, t.api(), t.tasks(), t.messages(), t.errors());
        state = new AgentStateModel(session, t.messages(), t.enums(), t.clock());
        ticketEditor = new TicketEditorViewModel(t.api(), t.tasks(), t.messages(), t.errors(), notices, t.formats(),
                t.enums(), login.agent() == null ? null : login.agent().id(), tickets::upsert);
        merge = new MergeViewModel(t.api().sync(), t.tasks(), t.messages(), t.enums(), t.errors());
        sync = new SyncViewModel(t.api().sync(), t.tasks(), t.ui(), t.messages(), t.formats(), t.errors(), merge);
        supervising = login.agent() != null && login.agent().role().oversees();
        supervisor = new SupervisorViewModel(session, t.api(), t.tasks(), t.messages(), t.enums(), t.formats(),
                t.errors());
        main = new MainViewModel(session, new MainViewModel.Parts(contacts, queue, tabs, card, search, wrapUp,
                transfer, callback, call, dial, phone, state, conversations, ticketEditor, merge, sync), t.theme(),
                notices, t.messages(), t.enums(), t.ringer(), signOut, quit);
    }

    /**
     * Starts following the event stream and the link's status (online, offline, changes waiting),
     * loads the server's lists and the queue, shows the contacts still active from an earlier sign-in,
     * and asks whether the agent's phone is registered.
     */
    public void start() {
        session.start();
        sync.start();
        contacts.restoreActiveWork();
        queue.load();
        phone.load();
        if (supervising) {
            supervisor.start();
        }
    }

    public void close() {
        serverTime.close();
        watchedTickets.close();
        supervisor.dispose();
        sync.dispose();
        main.dispose();
        state.dispose();
        phone.dispose();
        call.dispose();
        callback.dispose();
        transfer.dispose();
        wrapUp.dispose();
        card.dispose();
        tabs.dispose();
        conversations.dispose();
        queue.dispose();
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

    public QueueViewModel queue() {
        return queue;
    }

    public TabsViewModel tabs() {
        return tabs;
    }

    public ConversationsViewModel conversations() {
        return conversations;
    }

    public NewCustomerViewModel form() {
        return form;
    }

    public CardViewModel card() {
        return card;
    }

    /** Merging a customer's duplicates from the card (offered to supervisors and administrators). */
    public CustomerMergeViewModel customerMerge() {
        return customerMerge;
    }

    public SearchViewModel search() {
        return search;
    }

    public WrapUpViewModel wrapUp() {
        return wrapUp;
    }

    public TransferViewModel transfer() {
        return transfer;
    }

    public CallbackViewModel callback() {
        return callback;
    }

    public CallViewModel call() {
        return call;
    }

    public DialViewModel dial() {
        return dial;
    }

    public PhoneViewModel phone() {
        return phone;
    }

    public AgentStateModel state() {
        return state;
    }

    public TicketEditorViewModel ticketEditor() {
        return ticketEditor;
    }

    public MergeViewModel merge() {
        return merge;
    }

    public SyncViewModel sync() {
        return sync;
    }

    /** The dashboard; followed only when the signed-in agent is a supervisor. */
    public SupervisorViewModel supervisor() {
        return supervisor;
    }

    /** The signed-in agent is a supervisor: the dashboard is their main view. */
    public boolean supervising() {
        return supervising;
    }

    public MainViewModel main() {
        return main;
    }
}
