package dev.switchboard.desktop.main;

import dev.switchboard.api.AgentView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.Theme;
import dev.switchboard.desktop.ThemeModel;
import dev.switchboard.desktop.call.CallViewModel;
import dev.switchboard.desktop.callback.CallbackViewModel;
import dev.switchboard.desktop.card.CardViewModel;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import dev.switchboard.desktop.conversation.ConversationsViewModel;
import dev.switchboard.desktop.dial.DialViewModel;
import dev.switchboard.desktop.merge.MergeViewModel;
import dev.switchboard.desktop.phone.PhoneViewModel;
import dev.switchboard.desktop.queue.QueueItem;
import dev.switchboard.desktop.queue.QueueViewModel;
import dev.switchboard.desktop.search.SearchViewModel;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.desktop.sound.Ringer;
import dev.switchboard.desktop.sync.SyncViewModel;
import dev.switchboard.desktop.tabs.TabsViewModel;
import dev.switchboard.desktop.ticket.TicketEditorViewModel;
import dev.switchboard.desktop.transfer.TransferViewModel;
import dev.switchboard.desktop.wrapup.WrapUpViewModel;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;

import java.time.Instant;

/**
 * The main window's state: the agent, their state and connection, the notice line, the theme and the
 * ring. It also ties the parts together: the selected contact drives the card, a new offer closes the
 * search results and rings, a search result opens the card, and the shortcuts that depend on what is
 * on screen (Ctrl+Enter, Ctrl+K) are decided here.
 */
public final class MainViewModel {
    /** The parts of the main window, each with its own view model. */
    public record Parts(ContactsViewModel contacts, QueueViewModel queue, TabsViewModel tabs, CardViewModel card,
                        SearchViewModel search, WrapUpViewModel wrapUp, TransferViewModel transfer,
                        CallbackViewModel callback, CallViewModel call, DialViewModel dial, PhoneViewModel phone,
                        AgentStateModel state, ConversationsViewModel conversations,
                        TicketEditorViewModel ticketEditor, MergeViewModel merge, SyncViewModel sync) {
    }

    private final AgentSession session;
    private final Parts parts;
    private final ThemeModel theme;
    private final NoticeBoard notices;
    private final Messages messages;
    private final Ringer ringer;
    private final Runnable signOut;
    private final Runnable quit;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BooleanProperty sound = new SimpleBooleanProperty(this, "sound", true);
    private final StringBinding agentName;
    private final StringBinding agentRole;
    private final StringBinding connection;
    private final BooleanBinding connected;

    public MainViewModel(AgentSession session, Parts parts, ThemeModel theme, NoticeBoard notices, Messages messages,
                         EnumText enums, Ringer ringer, Runnable signOut, Runnable quit) {
        this.session = session;
        this.parts = parts;
        this.theme = theme;
        this.notices = notices;
        this.messages = messages;
        this.ringer = ringer;
        this.signOut = signOut;
        this.quit = quit;
        agentName = Bindings.createStringBinding(() -> name(session.agentProperty().get()), session.agentProperty());
        agentRole = Bindings.createStringBinding(() -> session.agentProperty().get() == null ? ""
                : enums.role(session.agentProperty().get().role()), session.agentProperty());
        // working offline wins over the event stream: the server may answer one and not the other
        ReadOnlyBooleanProperty offline = parts.sync().offlineProperty();
        connected = session.connectedProperty().and(offline.not());
        connection = Bindings.createStringBinding(() -> {
            if (offline.get()) {
                return messages.get("status.offline");
            }
            if (session.connectedProperty().get()) {
                return messages.get("status.connected");
            }
            String error = session.lastErrorProperty().get();
            return error == null || error.isBlank() ? messages.get("status.connecting")
                    : messages.format("status.reconnecting", error);
        }, session.connectedProperty(), session.lastErrorProperty(), offline);
        subscriptions.listen(parts.contacts().selectedProperty(), (obs, old, now) -> showSelected(now));
        subscriptions.listen(parts.contacts().items(), (ListChangeListener<ContactItem>) change -> {
            while (change.next()) {
                if (change.wasAdded() && !change.wasReplaced()) {
                    parts.search().close();
                    if (change.getAddedSubList().stream().anyMatch(i -> i.state() == InteractionState.OFFERED)) {
                        ring();
                    }
                }
            }
        });
        parts.search().onOpen(this::openCustomer);
        // a sign-in the server no longer knows cannot be retried: back to the login window
        subscriptions.listen(session.endedProperty(), (obs, old, now) -> {
            if (now) {
                signOut.run();
            }
        });
    }

    public void openCustomer(CustomerSummary summary) {
        parts.contacts().selectedProperty().set(null);
        parts.card().openCustomer(summary);
    }

    public void useTheme(Theme next) {
        theme.use(next);
    }

    /** Ring on new offers; remembered for this session only. */
    public BooleanProperty soundProperty() {
        return sound;
    }

    /**
     * Ctrl+Enter outside a panel: accept the standing offer if there is one, otherwise finish the
     * wrap-up on screen.
     */
    public void primaryAction() {
        if (parts.contacts().canAcceptProperty().get()) {
            parts.contacts().accept();
        } else if (parts.wrapUp().activeProperty().get()) {
            parts.wrapUp().submit();
        }
    }

    /** Ctrl+T: the transfer panel for the selected active contact. */
    public void startTransfer() {
        if (!parts.transfer().open()) {
            notices.post(messages.get("transfer.unavailable"));
        }
    }

    /**
     * Ctrl+K: a callback for the waiting call picked in the queue, else for the selected active call,
     * else for the customer on the card.
     */
    public void startCallback(QueueItem waiting) {
        CallbackViewModel callback = parts.callback();
        if (waiting != null && waiting.channel() == Channel.PHONE) {
            callback.openForWaiting(waiting.interactionId(), waiting.whoProperty().get(), null,
                    waiting.entry().queueId());
        } else if (callback.openForActive()) {
            return;
        } else if (parts.contacts().selectedProperty().get() == null && parts.card().customerProperty().get() != null) {
            callback.openForCustomer(parts.card().customerProperty().get());
        } else if (parts.contacts().selectedProperty().get() != null
                && parts.contacts().selectedProperty().get().customer() != null) {
            callback.openForCustomer(parts.contacts().selectedProperty().get().customer());
        } else {
            notices.post(messages.get("callback.unavailable"));
        }
    }

    /** Ctrl+Shift+E found no open ticket on the card to edit. */
    public void noTicketToEdit() {
        notices.post(messages.get("ticket.edit.unavailable"));
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
        parts.contacts().tick(now);
        parts.queue().tick(now);
        parts.wrapUp().tick(now);
        parts.call().tick(now);
        parts.conversations().tick(now);
        parts.state().tick(now);
        notices.tick(now);
    }

    public void dispose() {
        subscriptions.close();
        connected.dispose();
        parts.search().onOpen(null);
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

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.themeProperty();
    }

    /** The event stream is up and the link is not working offline. */
    public BooleanBinding connectedProperty() {
        return connected;
    }

    /** "Connected", "Connecting…", "Reconnecting… (last error)" or "Working offline". */
    public StringBinding connectionProperty() {
        return connection;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notices.messageProperty();
    }

    public Parts parts() {
        return parts;
    }

    public ContactsViewModel contacts() {
        return parts.contacts();
    }

    public CardViewModel card() {
        return parts.card();
    }

    public SearchViewModel search() {
        return parts.search();
    }

    public AgentStateModel state() {
        return parts.state();
    }

    private void ring() {
        if (sound.get()) {
            ringer.ring();
        }
    }

    private void showSelected(ContactItem item) {
        if (item == null) {
            parts.card().contactClosed();
        } else {
            parts.card().showContact(item);
        }
    }

    private static String name(AgentView agent) {
        if (agent == null) {
            return "";
        }
        return agent.displayName() != null && !agent.displayName().isBlank() ? agent.displayName() : agent.username();
    }
}
