package dev.switchboard.desktop.main;

import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.Theme;
import dev.switchboard.desktop.View;
import dev.switchboard.desktop.ViewLoader;
import dev.switchboard.desktop.call.CallMenu;
import dev.switchboard.desktop.callback.CallbackController;
import dev.switchboard.desktop.card.CardController;
import dev.switchboard.desktop.contacts.ContactsController;
import dev.switchboard.desktop.dial.DialController;
import dev.switchboard.desktop.merge.MergeController;
import dev.switchboard.desktop.outbound.OutboundController;
import dev.switchboard.desktop.phone.PhoneController;
import dev.switchboard.desktop.queue.QueueController;
import dev.switchboard.desktop.search.SearchController;
import dev.switchboard.desktop.supervisor.SupervisorController;
import dev.switchboard.desktop.sync.SyncController;
import dev.switchboard.desktop.tabs.TabsController;
import dev.switchboard.desktop.tabs.TabsViewModel;
import dev.switchboard.desktop.ticket.NewTicketController;
import dev.switchboard.desktop.ticket.TicketEditorController;
import dev.switchboard.desktop.transfer.TransferController;
import dev.switchboard.desktop.ui.Shortcuts;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Clock;

/**
 * The main window: menus with their shortcuts, under them the banner of the link's status (offline,
 * changes waiting, merges); on the left the search field, the agent's contacts, the
 * merged queue and the dial box; in the centre the tabs of worked contacts over the card, and the
 * transfer, callback, ticket and merge panels above it; the status bar below (with the phone's status). Child views
 * are loaded here and closed with it. A supervisor sees the dashboard instead, without the contact and call
 * menus, the agent's own state and the phone. An outbound agent sees the call list instead, without the
 * contact and call menus; their state and phone stay in the status bar.
 */
public final class MainController {
    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
    /** Heights used to give the agent's contacts the room they need and the queue the rest. */
    private static final double CONTACTS_HEADER = 40;
    private static final double CONTACT_ROW = 76;
    private static final double CONTACTS_EMPTY = 205;
    private static final double CONTACTS_MAX_SHARE = 0.62;

    private final MainViewModel vm;
    private final Messages messages;
    private final ViewLoader loader;
    private final Clock clock;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Timeline ticker = new Timeline();
    private final EventHandler<KeyEvent> keys = this::onKey;
    private ContactsController contactsView;
    private QueueController queueView;
    private TabsController tabsView;
    private SearchController searchView;
    private CardController cardView;
    private TransferController transferView;
    private CallbackController callbackView;
    private DialController dialView;
    private PhoneController phoneView;
    private SyncController syncView;
    private TicketEditorController ticketView;
    private MergeController mergeView;
    private SupervisorController supervisorView;
    private OutboundController outboundView;
    private final boolean supervising;
    private final boolean outbound;
    private CallMenu callMenu;
    private StateSelector stateSelector;

    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private VBox topBox;
    @FXML private Menu contactMenu;
    @FXML private SeparatorMenuItem agentStateSeparator;
    @FXML private HBox agentStatus;
    @FXML private StackPane syncHost;
    @FXML private StackPane searchHost;
    @FXML private SplitPane workSplit;
    @FXML private StackPane contactsHost;
    @FXML private StackPane queueHost;
    @FXML private StackPane dialHost;
    @FXML private StackPane phoneHost;
    @FXML private StackPane tabsHost;
    @FXML private StackPane cardHost;
    @FXML private StackPane overlay;
    @FXML private StackPane supervisorHost;
    @FXML private StackPane outboundHost;
    @FXML private VBox leftPane;
    @FXML private VBox workCenter;
    @FXML private HBox noticeBar;
    @FXML private Label noticeLabel;
    @FXML private Button noticeClose;
    @FXML private MenuItem acceptItem;
    @FXML private MenuItem rejectItem;
    @FXML private MenuItem endItem;
    @FXML private MenuItem transferItem;
    @FXML private MenuItem callbackItem;
    @FXML private MenuItem nextTabItem;
    @FXML private MenuItem previousTabItem;
    @FXML private MenuItem searchItem;
    @FXML private MenuItem newCustomerItem;
    @FXML private MenuItem editTicketItem;
    @FXML private MenuItem newTicketItem;
    @FXML private MenuItem knowledgeItem;
    /** The new-ticket panel the main view includes, placed over the card with the other panels. */
    @FXML private Parent newTicketPanel;
    @FXML private NewTicketController newTicketPanelController;
    @FXML private MenuItem contactsItem;
    @FXML private MenuItem cardItem;
    @FXML private MenuItem queueItem;
    @FXML private RadioMenuItem lightItem;
    @FXML private RadioMenuItem darkItem;
    @FXML private CheckMenuItem soundItem;
    @FXML private MenuItem readyItem;
    @FXML private MenuItem notReadyItem;
    @FXML private MenuItem signOutItem;
    @FXML private MenuItem quitItem;
    @FXML private Label agentName;
    @FXML private Label agentRole;
    @FXML private ComboBox<StateChoice> stateBox;
    @FXML private Label stateTime;
    @FXML private Region connectionDot;
    @FXML private Label connectionLabel;

    public MainController(MainViewModel vm, Messages messages, EnumText enums, ViewLoader loader, Clock clock) {
        this(vm, messages, enums, loader, clock, false);
    }

    /** With {@code supervising}, the dashboard takes the place of the contacts, the queue and the card. */
    public MainController(MainViewModel vm, Messages messages, EnumText enums, ViewLoader loader, Clock clock,
                          boolean supervising) {
        this(vm, messages, enums, loader, clock, supervising, false);
    }

    /** With {@code outbound}, the call list takes the place of the contacts, the queue and the card. */
    public MainController(MainViewModel vm, Messages messages, EnumText enums, ViewLoader loader, Clock clock,
                          boolean supervising, boolean outbound) {
        this.supervising = supervising;
        this.outbound = outbound && !supervising;
        this.vm = vm;
        this.messages = messages;
        this.loader = loader;
        this.clock = clock;
        // the main view includes the new-ticket panel, so its controller must be known before the view loads
        loader.register(NewTicketController.class,
                () -> new NewTicketController(vm.parts().card().newTicket(), messages, enums));
    }

    @FXML
    private void initialize() {
        syncView = place(View.SYNC, SyncController.class, syncHost);
        searchView = place(View.SEARCH, SearchController.class, searchHost);
        contactsView = place(View.CONTACTS, ContactsController.class, contactsHost);
        queueView = place(View.QUEUE, QueueController.class, queueHost);
        tabsView = place(View.TABS, TabsController.class, tabsHost);
        cardView = place(View.CARD, CardController.class, cardHost);
        transferView = place(View.TRANSFER, TransferController.class, overlay);
        callbackView = place(View.CALLBACK, CallbackController.class, overlay);
        ticketView = place(View.TICKET, TicketEditorController.class, overlay);
        mergeView = place(View.MERGE, MergeController.class, overlay);
        overlay.getChildren().add(newTicketPanel);
        dialView = place(View.DIAL, DialController.class, dialHost);
        phoneView = place(View.PHONE, PhoneController.class, phoneHost);
        searchView.onClosed(contactsView::focus);
        callMenu = new CallMenu(vm.parts().call(), messages, dialView::focus);
        menuBar.getMenus().add(1, callMenu.menu());

        // the search results take the place of the contacts and the queue while they are open
        subscriptions.bind(workSplit.visibleProperty(), vm.search().activeProperty().not());
        subscriptions.bind(workSplit.managedProperty(), workSplit.visibleProperty());
        subscriptions.listen(vm.search().activeProperty(),
                (obs, old, now) -> VBox.setVgrow(searchHost, now ? Priority.ALWAYS : Priority.NEVER));

        // the agent's own contacts get the room they need, the queue the rest
        subscriptions.listen(vm.contacts().items(), (ListChangeListener<Object>) c -> fitContacts());
        subscriptions.listen(workSplit.heightProperty(), (obs, old, now) -> fitContacts());

        // the panels float over the card; closing one gives the cursor back to the card
        subscriptions.bind(overlay.visibleProperty(), vm.parts().transfer().openProperty()
                .or(vm.parts().callback().openProperty()).or(vm.parts().ticketEditor().openProperty())
                .or(vm.parts().merge().openProperty()).or(vm.parts().card().newTicket().openProperty()));
        subscriptions.listen(overlay.visibleProperty(), (obs, old, now) -> {
            if (!now) {
                cardView.focus();
            }
        });

        bindMenus();
        bindStatusBar();
        subscriptions.bind(noticeLabel.textProperty(), vm.noticeProperty());
        subscriptions.bind(noticeBar.visibleProperty(), vm.noticeProperty().isNotEmpty());
        subscriptions.bind(noticeBar.managedProperty(), noticeBar.visibleProperty());
        noticeClose.setTooltip(new Tooltip(messages.get("notice.dismiss")));
        noticeClose.setAccessibleText(messages.get("notice.dismiss"));
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, keys));

        if (supervising) {
            // supervisors take no contacts: the dashboard is their main view, the agent parts stay loaded but hidden
            supervisorView = place(View.SUPERVISOR, SupervisorController.class, supervisorHost);
            supervisorHost.setVisible(true);
            supervisorHost.setManaged(true);
            leftPane.setVisible(false);
            leftPane.setManaged(false);
            workCenter.setVisible(false);
            workCenter.setManaged(false);
            // nor do the contact and call menus, their own state or a phone; notices go above the dashboard
            menuBar.getMenus().removeAll(contactMenu, callMenu.menu());
            readyItem.getParentMenu().getItems().removeAll(readyItem, notReadyItem, agentStateSeparator);
            agentStatus.setVisible(false);
            agentStatus.setManaged(false);
            leftPane.getChildren().remove(noticeBar);
            topBox.getChildren().add(noticeBar);
        }
        if (outbound) {
            // outbound agents work a call list, not offered contacts: its view replaces the agent parts
            outboundView = place(View.OUTBOUND, OutboundController.class, outboundHost);
            outboundHost.setVisible(true);
            outboundHost.setManaged(true);
            leftPane.setVisible(false);
            leftPane.setManaged(false);
            workCenter.setVisible(false);
            workCenter.setManaged(false);
            menuBar.getMenus().removeAll(contactMenu, callMenu.menu());
            leftPane.getChildren().remove(noticeBar);
            topBox.getChildren().add(noticeBar);
        }
        ticker.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    private void tick() {
        vm.tick(clock.instant());
        if (supervisorView != null) {
            supervisorView.tick(clock.instant());
        }
    }

    /** Where the cursor starts: the contact list (a supervisor's: the dashboard). */
    public void focus() {
        if (supervisorView != null) {
            supervisorView.focus();
            return;
        }
        if (outboundView != null) {
            outboundView.focus();
            return;
        }
        contactsView.focus();
    }

    public void dispose() {
        ticker.stop();
        subscriptions.close();
        syncView.dispose();
        ticketView.dispose();
        newTicketPanelController.dispose();
        mergeView.dispose();
        searchView.dispose();
        contactsView.dispose();
        queueView.dispose();
        tabsView.dispose();
        cardView.dispose();
        transferView.dispose();
        callbackView.dispose();
        callMenu.close();
        dialView.dispose();
        phoneView.dispose();
        if (supervisorView != null) {
            supervisorView.dispose();
        }
        if (outboundView != null) {
            outboundView.dispose();
        }
    }

    private void fitContacts() {
        double height = workSplit.getHeight();
        if (height <= 0) {
            return;
        }
        int n = vm.contacts().items().size();
        double wanted = n == 0 ? CONTACTS_EMPTY : CONTACTS_HEADER + CONTACT_ROW * n;
        workSplit.setDividerPositions(Math.min(CONTACTS_MAX_SHARE, wanted / height));
    }

    private <C> C place(View view, Class<C> type, StackPane host) {
        ViewLoader.Loaded<C> loaded = loader.load(view, type);
        host.getChildren().add(loaded.root());
        return loaded.controller();
    }

    /**
     * Keys whose meaning depends on what is on screen. Ctrl+Enter: the open panel's action, else the
     * wrap-up being typed in, else the answer being written, else accept the offer, else finish the
     * wrap-up shown. Ctrl+Shift+C: a conversation's canned responses (for a call, Consult).
     * Tabs: Ctrl+Page Down/Up, Ctrl+(Shift+)Tab, Alt+1…9. A filter, so no control swallows them first.
     */
    private void onKey(KeyEvent e) {
        if (supervising || outbound) {
            return; // no contacts, tabs or panels: the dashboard and the call list have their own keys
        }
        boolean panelOpen = overlay.isVisible();
        if (Shortcuts.SUBMIT.match(e)) {
            if (vm.parts().transfer().openProperty().get()) {
                transferView.submit();
            } else if (vm.parts().callback().openProperty().get()) {
                callbackView.submit();
            } else if (vm.parts().ticketEditor().openProperty().get()) {
                ticketView.submit();
            } else if (vm.parts().card().newTicket().openProperty().get()) {
                newTicketPanelController.submit();
            } else if (vm.parts().merge().openProperty().get()) {
                mergeView.submit();
            } else if (vm.parts().call().consult().openProperty().get()) {
                vm.parts().call().consult().start();
            } else if (cardView.wrapUp().focusWithin()) {
                cardView.wrapUp().submit();
            } else if (!cardView.sendAnswer()) {
                vm.primaryAction();
            }
            e.consume();
        } else if (panelOpen) {
            return;
        } else if (Shortcuts.CANNED.match(e) && cardView.openCanned()) {
            // a text contact's canned responses; the same keys consult for a call
            e.consume();
        } else if (Shortcuts.NEXT_TAB.match(e) || Shortcuts.NEXT_TAB_TOO.match(e)) {
            vm.parts().tabs().next();
            e.consume();
        } else if (Shortcuts.PREVIOUS_TAB.match(e) || Shortcuts.PREVIOUS_TAB_TOO.match(e)) {
            vm.parts().tabs().previous();
            e.consume();
        } else if (e.isAltDown() && !e.isShortcutDown() && e.getCode().isDigitKey()) {
            int n = digit(e.getCode());
            if (n >= 1 && n <= TabsViewModel.NUMBERED && vm.parts().tabs().selectNumber(n)) {
                e.consume();
            }
        }
    }

    private static int digit(KeyCode code) {
        String name = code.getName();
        char last = name.charAt(name.length() - 1);
        return Character.isDigit(last) ? last - '0' : -1;
    }

    private void bindMenus() {
        acceptItem.setAccelerator(Shortcuts.ACCEPT);
        rejectItem.setAccelerator(Shortcuts.REJECT);
        endItem.setAccelerator(Shortcuts.END);
        transferItem.setAccelerator(Shortcuts.TRANSFER);
        callbackItem.setAccelerator(Shortcuts.CALLBACK);
        nextTabItem.setAccelerator(Shortcuts.NEXT_TAB);
        previousTabItem.setAccelerator(Shortcuts.PREVIOUS_TAB);
        searchItem.setAccelerator(Shortcuts.SEARCH);
        newCustomerItem.setAccelerator(Shortcuts.NEW_CUSTOMER);
        editTicketItem.setAccelerator(Shortcuts.EDIT_TICKET);
        newTicketItem.setAccelerator(Shortcuts.NEW_TICKET);
        knowledgeItem.setAccelerator(Shortcuts.KNOWLEDGE);
        contactsItem.setAccelerator(Shortcuts.CONTACTS);
        cardItem.setAccelerator(Shortcuts.CARD);
        queueItem.setAccelerator(Shortcuts.QUEUE);
        lightItem.setAccelerator(Shortcuts.LIGHT_THEME);
        darkItem.setAccelerator(Shortcuts.DARK_THEME);
        readyItem.setAccelerator(Shortcuts.READY);
        notReadyItem.setAccelerator(Shortcuts.NOT_READY);
        signOutItem.setAccelerator(Shortcuts.SIGN_OUT);
        quitItem.setAccelerator(Shortcuts.QUIT);
        subscriptions.bind(acceptItem.disableProperty(), vm.contacts().canAcceptProperty().not());
        subscriptions.bind(rejectItem.disableProperty(), vm.contacts().canRejectProperty().not());
        subscriptions.bind(endItem.disableProperty(), vm.contacts().canEndProperty().not());
        subscriptions.bind(transferItem.disableProperty(), vm.contacts().canTransferProperty().not());
        subscriptions.bindBidirectional(soundItem.selectedProperty(), vm.soundProperty());
        subscriptions.listen(vm.themeProperty(), (obs, old, now) -> showTheme(now));
        showTheme(vm.themeProperty().get());
    }

    private void bindStatusBar() {
        subscriptions.bind(agentName.textProperty(), vm.agentNameProperty());
        subscriptions.bind(agentRole.textProperty(), vm.agentRoleProperty());
        stateSelector = new StateSelector(vm.state(), stateBox, stateTime, messages, subscriptions);
        subscriptions.bind(connectionLabel.textProperty(), vm.connectionProperty());
        subscriptions.listen(vm.connectedProperty(),
                (obs, old, now) -> connectionDot.pseudoClassStateChanged(CONNECTED, now));
        connectionDot.pseudoClassStateChanged(CONNECTED, vm.connectedProperty().get());
    }

    private void showTheme(Theme theme) {
        lightItem.setSelected(theme == Theme.LIGHT);
        darkItem.setSelected(theme == Theme.DARK);
    }

    @FXML
    private void accept() {
        vm.contacts().accept();
    }

    @FXML
    private void reject() {
        vm.contacts().reject();
    }

    @FXML
    private void end() {
        vm.contacts().end();
    }

    @FXML
    private void transfer() {
        vm.startTransfer();
    }

    @FXML
    private void callback() {
        vm.startCallback(queueView.focusedItem());
    }

    @FXML
    private void nextTab() {
        vm.parts().tabs().next();
    }

    @FXML
    private void previousTab() {
        vm.parts().tabs().previous();
    }

    @FXML
    private void search() {
        searchView.focus();
    }

    @FXML
    private void newCustomer() {
        vm.card().startNewCustomer();
    }

    @FXML
    private void editTicket() {
        if (!overlay.isVisible() && !cardView.editTicket()) {
            vm.noTicketToEdit();
        }
    }

    @FXML
    private void knowledge() {
        if (!overlay.isVisible()) {
            cardView.toggleKnowledge();
        }
    }

    @FXML
    private void newTicket() {
        if (!overlay.isVisible()) {
            cardView.newTicket();
        }
    }

    @FXML
    private void focusContacts() {
        vm.search().close();
        contactsView.focus();
    }

    @FXML
    private void focusCard() {
        cardView.focus();
    }

    @FXML
    private void focusQueue() {
        vm.search().close();
        queueView.focus();
    }

    @FXML
    private void light() {
        vm.useTheme(Theme.LIGHT);
        showTheme(vm.themeProperty().get());
    }

    @FXML
    private void dark() {
        vm.useTheme(Theme.DARK);
        showTheme(vm.themeProperty().get());
    }

    @FXML
    private void ready() {
        vm.state().ready();
    }

    @FXML
    private void notReady() {
        stateSelector.open();
    }

    @FXML
    private void signOut() {
        vm.signOut();
    }

    @FXML
    private void quit() {
        vm.quit();
    }

    @FXML
    private void dismissNotice() {
        vm.dismissNotice();
    }
}
