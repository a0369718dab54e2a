package dev.switchboard.desktop.main;

import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.Theme;
import dev.switchboard.desktop.View;
import dev.switchboard.desktop.ViewLoader;
import dev.switchboard.desktop.card.CardController;
import dev.switchboard.desktop.contacts.ContactsController;
import dev.switchboard.desktop.search.SearchController;
import dev.switchboard.desktop.ui.Shortcuts;
import dev.switchboard.domain.AgentState;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Clock;
import java.util.Locale;

/**
 * The main window: menus with their shortcuts, the search field and contact list on the left, the card
 * in the centre, the status bar below. Child views are loaded here and closed with it.
 */
public final class MainController {
    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");

    private final MainViewModel vm;
    private final Messages messages;
    private final EnumText enums;
    private final ViewLoader loader;
    private final Clock clock;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Timeline ticker = new Timeline();
    private ContactsController contactsView;
    private SearchController searchView;
    private CardController cardView;
    private boolean updatingState;

    @FXML private BorderPane root;
    @FXML private VBox leftPane;
    @FXML private StackPane searchHost;
    @FXML private StackPane contactsHost;
    @FXML private StackPane cardHost;
    @FXML private HBox noticeBar;
    @FXML private Label noticeLabel;
    @FXML private Button noticeClose;
    @FXML private MenuItem acceptItem;
    @FXML private MenuItem rejectItem;
    @FXML private MenuItem endItem;
    @FXML private MenuItem searchItem;
    @FXML private MenuItem newCustomerItem;
    @FXML private MenuItem contactsItem;
    @FXML private MenuItem cardItem;
    @FXML private RadioMenuItem lightItem;
    @FXML private RadioMenuItem darkItem;
    @FXML private MenuItem readyItem;
    @FXML private MenuItem notReadyItem;
    @FXML private MenuItem signOutItem;
    @FXML private MenuItem quitItem;
    @FXML private Label agentName;
    @FXML private Label agentRole;
    @FXML private ComboBox<AgentState> stateBox;
    @FXML private Region connectionDot;
    @FXML private Label connectionLabel;

    public MainController(MainViewModel vm, Messages messages, EnumText enums, ViewLoader loader, Clock clock) {
        this.vm = vm;
        this.messages = messages;
        this.enums = enums;
        this.loader = loader;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        ViewLoader.Loaded<SearchController> search = loader.load(View.SEARCH, SearchController.class);
        ViewLoader.Loaded<ContactsController> contacts = loader.load(View.CONTACTS, ContactsController.class);
        ViewLoader.Loaded<CardController> card = loader.load(View.CARD, CardController.class);
        searchView = search.controller();
        contactsView = contacts.controller();
        cardView = card.controller();
        searchHost.getChildren().add(search.root());
        contactsHost.getChildren().add(contacts.root());
        cardHost.getChildren().add(card.root());
        searchView.onClosed(contactsView::focus);

        // the search results take the contact list's place while they are open
        subscriptions.bind(contactsHost.visibleProperty(), vm.search().activeProperty().not());
        subscriptions.bind(contactsHost.managedProperty(), contactsHost.visibleProperty());
        subscriptions.listen(vm.search().activeProperty(),
                (obs, old, now) -> VBox.setVgrow(searchHost, now ? Priority.ALWAYS : Priority.NEVER));

        bindMenus();
        bindStatusBar();
        subscriptions.bind(noticeLabel.textProperty(), vm.noticeProperty());
        subscriptions.bind(noticeBar.visibleProperty(), vm.noticeProperty().isNotEmpty());
        subscriptions.bind(noticeBar.managedProperty(), noticeBar.visibleProperty());
        noticeClose.setTooltip(new Tooltip(messages.get("notice.dismiss")));
        noticeClose.setAccessibleText(messages.get("notice.dismiss"));

        ticker.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> vm.tick(clock.instant())));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    /** Where the cursor starts: the contact list. */
    public void focus() {
        contactsView.focus();
    }

    public void dispose() {
        ticker.stop();
        subscriptions.close();
        searchView.dispose();
        contactsView.dispose();
        cardView.dispose();
    }

    private void bindMenus() {
        acceptItem.setAccelerator(Shortcuts.ACCEPT);
        rejectItem.setAccelerator(Shortcuts.REJECT);
        endItem.setAccelerator(Shortcuts.END);
        searchItem.setAccelerator(Shortcuts.SEARCH);
        newCustomerItem.setAccelerator(Shortcuts.NEW_CUSTOMER);
        contactsItem.setAccelerator(Shortcuts.CONTACTS);
        cardItem.setAccelerator(Shortcuts.CARD);
        lightItem.setAccelerator(Shortcuts.LIGHT_THEME);
        darkItem.setAccelerator(Shortcuts.DARK_THEME);
        readyItem.setAccelerator(Shortcuts.READY);
        notReadyItem.setAccelerator(Shortcuts.NOT_READY);
        signOutItem.setAccelerator(Shortcuts.SIGN_OUT);
        quitItem.setAccelerator(Shortcuts.QUIT);
        subscriptions.bind(acceptItem.disableProperty(), vm.contacts().canAcceptProperty().not());
        subscriptions.bind(rejectItem.disableProperty(), vm.contacts().canRejectProperty().not());
        subscriptions.bind(endItem.disableProperty(), vm.contacts().canEndProperty().not());
        subscriptions.bind(readyItem.disableProperty(), vm.stateProperty().isEqualTo(AgentState.READY));
        subscriptions.bind(notReadyItem.disableProperty(), vm.stateProperty().isEqualTo(AgentState.NOT_READY));
        subscriptions.listen(vm.themeProperty(), (obs, old, now) -> showTheme(now));
        showTheme(vm.themeProperty().get());
    }

    private void bindStatusBar() {
        subscriptions.bind(agentName.textProperty(), vm.agentNameProperty());
        subscriptions.bind(agentRole.textProperty(), vm.agentRoleProperty());
        stateBox.getItems().setAll(vm.stateChoices());
        stateBox.setButtonCell(new StateCell());
        stateBox.setCellFactory(list -> new StateCell());
        stateBox.setTooltip(new Tooltip(messages.format("status.state.tooltip",
                Shortcuts.READY.getDisplayText(), Shortcuts.NOT_READY.getDisplayText())));
        subscriptions.listen(vm.stateProperty(), (obs, old, now) -> showState(now));
        subscriptions.listen(vm.stateAnswersProperty(), (obs, old, now) -> showState(vm.stateProperty().get()));
        showState(vm.stateProperty().get());
        subscriptions.listen(stateBox.valueProperty(), (obs, old, now) -> {
            if (!updatingState && now != null && MainViewModel.choosable(now)) {
                vm.changeState(now);
            }
        });
        subscriptions.bind(connectionLabel.textProperty(), vm.connectionProperty());
        subscriptions.listen(vm.connectedProperty(),
                (obs, old, now) -> connectionDot.pseudoClassStateChanged(CONNECTED, now));
        connectionDot.pseudoClassStateChanged(CONNECTED, vm.connectedProperty().get());
    }

    private void showState(AgentState state) {
        updatingState = true;
        try {
            stateBox.setValue(state);
        } finally {
            updatingState = false;
        }
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
    private void search() {
        searchView.focus();
    }

    @FXML
    private void newCustomer() {
        vm.card().startNewCustomer();
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
        vm.changeState(AgentState.READY);
    }

    @FXML
    private void notReady() {
        vm.changeState(AgentState.NOT_READY);
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

    /** The agent's state as words, with a pseudo-class per state for its colour dot. */
    private final class StateCell extends ListCell<AgentState> {
        @Override
        protected void updateItem(AgentState state, boolean empty) {
            super.updateItem(state, empty);
            setText(empty || state == null ? "" : enums.agentState(state));
            setDisable(!empty && state != null && !MainViewModel.choosable(state));
            for (AgentState s : AgentState.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT).replace("_", "-")),
                        !empty && s == state);
            }
        }
    }
}
