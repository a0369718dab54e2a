package dev.switchboard.desktop.card;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.FxThread;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.PopProbe;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.View;
import dev.switchboard.desktop.ViewLoader;
import dev.switchboard.desktop.call.CallController;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import dev.switchboard.desktop.conversation.ConversationController;
import dev.switchboard.desktop.conversation.ConversationPanes;
import dev.switchboard.desktop.conversation.ConversationsViewModel;
import dev.switchboard.desktop.customer.CustomerMergeDialog;
import dev.switchboard.desktop.customer.CustomerMergeViewModel;
import dev.switchboard.desktop.customer.NewCustomerController;
import dev.switchboard.desktop.main.MainViewModel;
import dev.switchboard.desktop.wrapup.WrapUpController;
import dev.switchboard.desktop.ui.Shortcuts;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Binds the customer card: the contact bar with the actions for the contact shown (an offer glows until
 * answered), under it the call bar of a phone contact, a colleague's transfer note, the customer (each
 * number with a button that calls it), and beside it the wrap-up panel. It also
 * reports, through a post-layout pulse listener, the first pulse after an offer's screen-pop is in the
 * controls: that is when the card is drawn.
 */
public final class CardController {
    private final CardViewModel vm;
    private final ContactsViewModel contacts;
    private final MainViewModel main;
    private final Messages messages;
    private final EnumText enums;
    private final ViewLoader loader;
    private final PopProbe probe;
    private final FxThread fx;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> timelineKeys = this::onTimelineKey;
    private final ConversationsViewModel conversations;
    /** Merging duplicates; null where the desktop offers no merging. */
    private final CustomerMergeViewModel customerMerge;
    private ViewSwitch viewSwitch;
    private ConversationPanes conversationPanes;
    private NewCustomerController form;
    private WrapUpController wrapUp;
    private dev.switchboard.desktop.knowledge.KnowledgeController knowledge;
    private CallController callBar;
    private CandidateList candidateList;
    private TicketTable ticketTable;
    private InsightPane insightPane;
    private DrawnReporter drawn;
    private ContactBar contactBarView;
    /** The ticket editor was opened from the table: the cursor goes back there when it closes. */
    private boolean backToTickets;

    @FXML private StackPane root;
    @FXML private VBox emptyPane;
    @FXML private Label emptyHint;
    @FXML private VBox cardPane;
    @FXML private StackPane contactBarHost;
    @FXML private Region offerGlow;
    @FXML private HBox contactBar;
    @FXML private StackPane contactIconBox;
    @FXML private Label contactTitle;
    @FXML private Label contactState;
    @FXML private Label contactSubject;
    @FXML private HBox viewSwitchBox;
    @FXML private ToggleButton conversationToggle;
    @FXML private ToggleButton customerToggle;
    @FXML private StackPane conversationHost;
    @FXML private Button acceptButton;
    @FXML private Button rejectButton;
    @FXML private Button transferButton;
    @FXML private Button callbackButton;
    @FXML private Button endButton;
    @FXML private StackPane callBarHost;
    @FXML private HBox transferNoteBar;
    @FXML private Label transferNote;
    @FXML private HBox acknowledgementBar;
    @FXML private Label acknowledgementCaption;
    @FXML private Label acknowledgementWords;
    @FXML private Label acknowledgementPromised;
    @FXML private StackPane wrapUpHost;
    @FXML private StackPane knowledgeHost;
    @FXML private VBox customerPane;
    @FXML private Label initials;
    @FXML private Label name;
    @FXML private Label details;
    @FXML private Label value;
    @FXML private Button mergeDuplicatesButton;
    @FXML private HBox addressRow;
    @FXML private Label address;
    @FXML private FlowPane contactPoints;
    @FXML private VBox insightBox;
    @FXML private VBox churnSignals;
    @FXML private Label moreSignals;
    @FXML private Label duplicatesHint;
    @FXML private Label permissionSummary;
    @FXML private ToggleButton permissionsToggle;
    @FXML private VBox permissionsPanel;
    @FXML private GridPane permissionsGrid;
    @FXML private Label permissionError;
    @FXML private HBox upsellBanner;
    @FXML private Label upsellReason;
    @FXML private Label ticketsTitle;
    @FXML private ProgressIndicator ticketsProgress;
    @FXML private Label ticketsError;
    @FXML private Button newTicketButton;
    @FXML private Button editTicketButton;
    @FXML private Label offlineMark;
    @FXML private TableView<TicketRow> tickets;
    @FXML private TableColumn<TicketRow, String> ticketNumber;
    @FXML private TableColumn<TicketRow, TicketRow> ticketPriority;
    @FXML private TableColumn<TicketRow, TicketRow> ticketStatus;
    @FXML private TableColumn<TicketRow, String> ticketAge;
    @FXML private TableColumn<TicketRow, String> ticketSubject;
    @FXML private ProgressIndicator timelineProgress;
    @FXML private Label timelineError;
    @FXML private ListView<TimelineEntry> timeline;
    @FXML private Button loadMoreButton;
    @FXML private VBox unknownPane;
    @FXML private Label unknownTitle;
    @FXML private Button newCustomerButton;
    @FXML private VBox severalPane;
    @FXML private Label severalTitle;
    @FXML private ListView<CustomerSummary> candidates;
    @FXML private Button linkButton;
    @FXML private ProgressIndicator linkProgress;
    @FXML private Label cardError;
    @FXML private StackPane formHost;

    public CardController(CardViewModel vm, MainViewModel main, Messages messages, EnumText enums,
                          ViewLoader loader, PopProbe probe, FxThread fx) {
        this(vm, main, messages, enums, loader, probe, fx, null);
    }

    /** With {@code customerMerge}, supervisors and administrators may merge the customer's duplicates. */
    public CardController(CardViewModel vm, MainViewModel main, Messages messages, EnumText enums,
                          ViewLoader loader, PopProbe probe, FxThread fx, CustomerMergeViewModel customerMerge) {
        this.customerMerge = customerMerge;
        this.vm = vm;
        this.main = main;
        this.contacts = main.contacts();
        this.conversations = main.parts().conversations();
        this.messages = messages;
        this.enums = enums;
        this.loader = loader;
        this.probe = probe;
        this.fx = fx;
    }

    @FXML
    private void initialize() {
        emptyHint.setText(messages.format("card.empty.hint", Shortcuts.SEARCH.getDisplayText()));
        bindContactBar();
        bindIdentity();
        bindTickets();
        bindTimeline();
        bindUnknownAndSeveral();
        ViewLoader.Loaded<NewCustomerController> loaded = loader.load(View.CUSTOMER, NewCustomerController.class);
        form = loaded.controller();
        formHost.getChildren().add(loaded.root());
        ViewLoader.Loaded<WrapUpController> panel = loader.load(View.WRAPUP, WrapUpController.class);
        wrapUp = panel.controller();
        wrapUpHost.getChildren().add(panel.root());
        subscriptions.bind(wrapUpHost.visibleProperty(), panel.root().visibleProperty());
        subscriptions.bind(wrapUpHost.managedProperty(), panel.root().visibleProperty());
        bindKnowledge();
        ViewLoader.Loaded<CallController> call = loader.load(View.CALL, CallController.class);
        callBar = call.controller();
        callBarHost.getChildren().add(call.root());
        subscriptions.bind(callBarHost.visibleProperty(), call.root().visibleProperty());
        subscriptions.bind(callBarHost.managedProperty(), call.root().visibleProperty());
        conversationPanes = new ConversationPanes(conversationHost, conversations,
                () -> loader.load(View.CONVERSATION, ConversationController.class).controller());
        subscriptions.add(conversationPanes);
        viewSwitch = new ViewSwitch(conversations, viewSwitchBox, conversationToggle, customerToggle, messages,
                () -> showMode(vm.modeProperty().get()));
        subscriptions.add(viewSwitch);
        subscriptions.listen(vm.modeProperty(), (obs, old, now) -> showMode(now));
        showMode(vm.modeProperty().get());
        drawn = new DrawnReporter(root, probe, fx);
        subscriptions.add(drawn);
        vm.onPopShown(drawn::shown);
    }

    /** Ctrl+2: focus what the agent most likely works with next. */
    public void focus() {
        ConversationController pane = conversationPanes.current();
        if (pane != null && conversationHost.isVisible()) {
            pane.focus();
            return;
        }
        if (backToTickets && customerPane.isVisible() && !ticketTable.isEmpty()) {
            backToTickets = false;
            ticketTable.focus();
            return;
        }
        backToTickets = false;
        switch (vm.modeProperty().get()) {
            case CUSTOMER -> timeline.requestFocus();
            case UNKNOWN -> newCustomerButton.requestFocus();
            case SEVERAL -> candidateList.focus();
            case NEW_CUSTOMER -> form.focus();
            default -> root.requestFocus();
        }
    }

    /** Ctrl+Enter of the window: sends the answer being written, if the cursor is in it. */
    public boolean sendAnswer() {
        ConversationController pane = conversationPanes.current();
        return pane != null && conversationHost.isVisible() && pane.sendIfFocused();
    }

    /** Ctrl+Shift+C: the canned responses of the conversation on screen; false when none is. */
    public boolean openCanned() {
        ConversationController pane = conversationPanes.current();
        if (pane == null || !conversationHost.isVisible()) {
            return false;
        }
        pane.openCanned();
        return true;
    }

    /**
     * Ctrl+Shift+E, the Edit button, Enter or a double-click on a row: the editor on the selected
     * ticket, else the first one. False when the card shows no open ticket.
     */
    public boolean editTicket() {
        return customerPane.isVisible() && ticketTable.editSelected();
    }

    /** Ctrl+Shift+I, the New ticket button: a ticket for the customer shown (else a notice says why not). */
    public void newTicket() {
        vm.startNewTicket();
    }

    /** The wrap-up panel, for the window's Ctrl+Enter. */
    public WrapUpController wrapUp() {
        return wrapUp;
    }

    public void dispose() {
        vm.onPopShown(null);
        contactBarView.stop();
        subscriptions.close();
        form.dispose();
        wrapUp.dispose();
        knowledge.dispose();
        callBar.dispose();
        timeline.setItems(null);
    }

    /**
     * The knowledge panel beside the card follows the contact on it; it asks again when the card's
     * tickets change (a ticket just linked is where "this helped" is recorded). The wrap-up panel
     * takes its place while it is up.
     */
    private void bindKnowledge() {
        ViewLoader.Loaded<dev.switchboard.desktop.knowledge.KnowledgeController> help =
                loader.load(View.KNOWLEDGE, dev.switchboard.desktop.knowledge.KnowledgeController.class);
        knowledge = help.controller();
        knowledgeHost.getChildren().add(help.root());
        knowledge.attach(wrapUpHost.visibleProperty().not(), this::insertIntoReply);
        subscriptions.bind(knowledgeHost.visibleProperty(), help.root().visibleProperty());
        subscriptions.bind(knowledgeHost.managedProperty(), help.root().visibleProperty());
        subscriptions.listen(vm.contactProperty(), (obs, old, now) -> knowledge.show(now));
        knowledge.show(vm.contactProperty().get());
        subscriptions.listen(vm.tickets().rows(),
                (javafx.collections.ListChangeListener<TicketRow>) change -> knowledge.ticketsChanged());
    }

    /** Puts text at the cursor of the reply being written to the contact on the card; false when none is on screen. */
    private boolean insertIntoReply(String text) {
        ConversationController pane = conversationPanes.current();
        return pane != null && conversationHost.isVisible() && pane.insertIntoReply(text);
    }

    /** F1: the knowledge panel, opened with the cursor in its search field, or closed. */
    public void toggleKnowledge() {
        knowledge.toggle();
    }

    private void bindContactBar() {
        subscriptions.bind(contactBarHost.visibleProperty(), vm.contactProperty().isNotNull());
        subscriptions.bind(contactBarHost.managedProperty(), contactBarHost.visibleProperty());
        subscriptions.bind(transferNote.textProperty(), vm.transferNoteProperty());
        subscriptions.bind(transferNoteBar.visibleProperty(), vm.transferNoteProperty().isNotEmpty());
        subscriptions.bind(transferNoteBar.managedProperty(), transferNoteBar.visibleProperty());
        contactBarView = new ContactBar(new ContactBar.Nodes(offerGlow, contactBar, contactIconBox, contactState,
                acceptButton, rejectButton, transferButton, callbackButton, endButton), messages, enums);
        subscriptions.bind(contactTitle.textProperty(), vm.contactTitleProperty());
        subscriptions.bind(contactSubject.textProperty(), vm.contactSubjectProperty());
        subscriptions.listen(vm.contactProperty(), (obs, old, now) -> {
            contactBarView.showIcon(now);
            contactBarView.showState(now, vm.contactStateProperty().get());
        });
        subscriptions.listen(vm.contactStateProperty(),
                (obs, old, now) -> contactBarView.showState(vm.contactProperty().get(), now));
        contactBarView.showState(vm.contactProperty().get(), vm.contactStateProperty().get());
        subscriptions.bind(acceptButton.disableProperty(), contacts.canAcceptProperty().not());
        subscriptions.bind(rejectButton.disableProperty(), contacts.canRejectProperty().not());
        subscriptions.bind(endButton.disableProperty(), contacts.canEndProperty().not());
        subscriptions.bind(transferButton.disableProperty(), contacts.canTransferProperty().not());
        subscriptions.bind(callbackButton.disableProperty(), contacts.canCallbackProperty().not());
        tooltip(newCustomerButton, "card.unknown.create.tooltip", Shortcuts.NEW_CUSTOMER);
    }

    private void bindIdentity() {
        subscriptions.bind(initials.textProperty(), vm.identity().initialsProperty());
        subscriptions.bind(name.textProperty(), vm.identity().nameProperty());
        subscriptions.bind(details.textProperty(), vm.identity().detailsProperty());
        subscriptions.bind(details.managedProperty(), details.textProperty().isNotEmpty());
        subscriptions.bind(value.visibleProperty(), value.textProperty().isNotEmpty());
        // only for those who may merge: agents never see it
        show(mergeDuplicatesButton, customerMerge != null && customerMerge.allowed());
        mergeDuplicatesButton.setTooltip(new Tooltip(messages.get("card.mergeDuplicates.tooltip")));
        insightPane = new InsightPane(vm.insight(), vm.identity(), new InsightPane.Nodes(root, value, insightBox,
                churnSignals, moreSignals, permissionSummary, permissionsToggle, permissionsPanel, permissionsGrid,
                permissionError, upsellBanner, upsellReason), messages, enums, subscriptions);
        subscriptions.listen(vm.customerProperty(), (obs, old, now) -> insightPane.close());
        subscriptions.bind(duplicatesHint.textProperty(), vm.insight().duplicatesProperty());
        subscriptions.bind(duplicatesHint.visibleProperty(), vm.insight().duplicatesProperty().isNotEmpty());
        subscriptions.bind(duplicatesHint.managedProperty(), duplicatesHint.visibleProperty());
        Tooltip duplicatesTip = new Tooltip();
        subscriptions.bind(duplicatesTip.textProperty(), vm.insight().duplicatesHelpProperty());
        duplicatesHint.setTooltip(duplicatesTip);
        subscriptions.bind(address.textProperty(), vm.identity().addressProperty());
        subscriptions.bind(addressRow.visibleProperty(), vm.identity().addressProperty().isNotEmpty());
        subscriptions.bind(addressRow.managedProperty(), addressRow.visibleProperty());
        subscriptions.listen(vm.identity().contactPoints(), (ListChangeListener<ContactPointRow>) c -> showContactPoints());
        showContactPoints();
    }

    private void bindTickets() {
        TicketsModel model = vm.tickets();
        subscriptions.bind(ticketsTitle.textProperty(), model.titleProperty());
        subscriptions.bind(ticketsProgress.visibleProperty(), model.loadingProperty());
        subscriptions.bind(ticketsError.textProperty(), model.errorProperty());
        ticketTable = new TicketTable(model, tickets, new TicketTable.Columns(ticketNumber, ticketPriority,
                ticketStatus, ticketAge, ticketSubject), editTicketButton, messages, ticket -> {
                    backToTickets = true;
                    main.parts().ticketEditor().open(ticket);
                }, subscriptions);
        newTicketButton.setTooltip(new Tooltip(messages.format("card.tickets.new.tooltip",
                Shortcuts.NEW_TICKET.getDisplayText())));
        bindAcknowledgement();
        // working offline, the card says it shows this desktop's copy
        subscriptions.bind(offlineMark.textProperty(), main.parts().sync().cardMarkProperty());
        subscriptions.bind(offlineMark.visibleProperty(), main.parts().sync().cardMarkProperty().isNotEmpty());
        subscriptions.bind(offlineMark.managedProperty(), offlineMark.visibleProperty());
    }

    /** A complaint just opened: what to tell the customer stays above the card until dismissed. */
    private void bindAcknowledgement() {
        var ack = vm.newTicket().acknowledgement();
        subscriptions.bind(acknowledgementBar.visibleProperty(), ack.shownProperty());
        subscriptions.bind(acknowledgementBar.managedProperty(), ack.shownProperty());
        subscriptions.bind(acknowledgementCaption.textProperty(), ack.captionProperty());
        subscriptions.bind(acknowledgementWords.textProperty(), ack.wordsProperty());
        subscriptions.bind(acknowledgementWords.visibleProperty(), ack.wordsProperty().isNotEmpty());
        subscriptions.bind(acknowledgementWords.managedProperty(), acknowledgementWords.visibleProperty());
        subscriptions.bind(acknowledgementPromised.textProperty(), ack.promisedProperty());
        subscriptions.bind(acknowledgementPromised.visibleProperty(), ack.promisedProperty().isNotEmpty());
        subscriptions.bind(acknowledgementPromised.managedProperty(), acknowledgementPromised.visibleProperty());
    }

    private void bindTimeline() {
        TimelineModel model = vm.timeline();
        timeline.setItems(model.entries());
        timeline.setCellFactory(list -> new TimelineCell(model::toggle));
        subscriptions.bind(timelineProgress.visibleProperty(), model.loadingProperty());
        subscriptions.bind(timelineError.textProperty(), model.errorProperty());
        subscriptions.bind(loadMoreButton.visibleProperty(), model.hasMoreProperty());
        subscriptions.bind(loadMoreButton.managedProperty(), model.hasMoreProperty());
        subscriptions.bind(loadMoreButton.disableProperty(), model.loadingProperty());
        timeline.addEventFilter(KeyEvent.KEY_PRESSED, timelineKeys);
        subscriptions.onClose(() -> timeline.removeEventFilter(KeyEvent.KEY_PRESSED, timelineKeys));
    }

    private void bindUnknownAndSeveral() {
        subscriptions.bind(unknownTitle.textProperty(), vm.unknownTitleProperty());
        subscriptions.bind(severalTitle.textProperty(), vm.severalTitleProperty());
        candidateList = new CandidateList(vm, candidates, linkButton, linkProgress, cardError, messages,
                subscriptions);
    }

    private void showMode(CardViewModel.Mode mode) {
        boolean focusInside = focusWithin();
        boolean conversation = viewSwitch != null && viewSwitch.show(mode);
        show(conversationHost, conversation);
        show(emptyPane, mode == CardViewModel.Mode.EMPTY);
        show(cardPane, mode != CardViewModel.Mode.EMPTY);
        show(customerPane, !conversation && mode == CardViewModel.Mode.CUSTOMER);
        show(unknownPane, !conversation && mode == CardViewModel.Mode.UNKNOWN);
        show(severalPane, !conversation && mode == CardViewModel.Mode.SEVERAL);
        show(formHost, mode == CardViewModel.Mode.NEW_CUSTOMER);
        if (mode == CardViewModel.Mode.SEVERAL) {
            candidateList.clearSelection();
        }
        timeline.scrollTo(0);
        if (mode == CardViewModel.Mode.NEW_CUSTOMER || focusInside) {
            // the focused control may just have been hidden: keep the cursor in the card
            focus();
        }
    }

    private boolean focusWithin() {
        Scene scene = root.getScene();
        for (Node n = scene == null ? null : scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }

    private void showContactPoints() {
        contactPoints.getChildren().clear();
        for (ContactPointRow row : vm.identity().contactPoints()) {
            contactPoints.getChildren().add(ContactChips.chip(row, messages.get("card.contactPoint.matched"),
                    messages.format("card.contactPoint.dial", row.display()), this::dial));
        }
    }

    /** A card's call button: the customer's number dialled, the call on their timeline. */
    private void dial(ContactPointRow row) {
        CustomerSummary customer = vm.customerProperty().get();
        main.parts().dial().dialCustomer(row.value(), row.display(), customer == null ? null : customer.id());
    }

    private void onTimelineKey(KeyEvent e) {
        TimelineEntry entry = timeline.getSelectionModel().getSelectedItem();
        if (entry != null && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE)
                && !e.isShortcutDown()) {
            vm.timeline().toggle(entry);
            e.consume();
        }
    }

    @FXML
    private void accept() {
        contacts.accept();
    }

    @FXML
    private void reject() {
        contacts.reject();
    }

    @FXML
    private void end() {
        contacts.end();
    }

    @FXML
    private void transfer() {
        main.startTransfer();
    }

    @FXML
    private void callback() {
        main.startCallback(null);
    }

    @FXML
    private void editSelectedTicket() {
        if (!editTicket()) {
            main.noTicketToEdit();
        }
    }

    @FXML
    private void startNewTicket() {
        vm.startNewTicket();
    }

    @FXML
    private void dismissAcknowledgement() {
        vm.newTicket().dismissAcknowledgement();
        focus();
    }

    @FXML
    private void loadMore() {
        vm.timeline().loadMore();
    }

    @FXML
    private void mergeDuplicates() {
        CustomerSummary shown = vm.customerProperty().get();
        if (customerMerge == null || !customerMerge.allowed() || shown == null) {
            return;
        }
        customerMerge.open(shown);
        CustomerMergeDialog.show(root, customerMerge, messages);
    }

    @FXML
    private void newCustomer() {
        vm.startNewCustomer();
    }

    @FXML
    private void link() {
        candidateList.pickSelected();
    }

    private void tooltip(Button button, String key, KeyCombination shortcut) {
        button.setTooltip(new Tooltip(messages.format(key, shortcut.getDisplayText())));
    }

    static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
