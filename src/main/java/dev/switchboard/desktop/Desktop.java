package dev.switchboard.desktop;

import dev.switchboard.api.LoginResponse;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.admin.AdminController;
import dev.switchboard.desktop.admin.AdminViewModel;
import dev.switchboard.desktop.call.CallController;
import dev.switchboard.desktop.call.ConsultController;
import dev.switchboard.desktop.callback.CallbackController;
import dev.switchboard.desktop.card.CardController;
import dev.switchboard.desktop.contacts.ContactsController;
import dev.switchboard.desktop.conversation.ComposerController;
import dev.switchboard.desktop.conversation.ConversationController;
import dev.switchboard.desktop.customer.NewCustomerController;
import dev.switchboard.desktop.dial.DialController;
import dev.switchboard.desktop.login.LoginController;
import dev.switchboard.desktop.login.LoginViewModel;
import dev.switchboard.desktop.main.MainController;
import dev.switchboard.desktop.merge.MergeController;
import dev.switchboard.desktop.outbound.OutboundController;
import dev.switchboard.desktop.outbound.OutboundViewModel;
import dev.switchboard.desktop.phone.PhoneController;
import dev.switchboard.desktop.queue.QueueController;
import dev.switchboard.desktop.search.SearchController;
import dev.switchboard.desktop.sound.ClipRinger;
import dev.switchboard.desktop.supervisor.SupervisorController;
import dev.switchboard.desktop.sync.SyncController;
import dev.switchboard.desktop.tabs.TabsController;
import dev.switchboard.desktop.ticket.TicketEditorController;
import dev.switchboard.desktop.transfer.TransferController;
import dev.switchboard.desktop.ui.FileChoosers;
import dev.switchboard.desktop.ui.FileDialogs;
import dev.switchboard.desktop.wrapup.WrapUpController;
import dev.switchboard.domain.Role;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The agent desktop: the login window, then the main window, on one stage. This is the one place the
 * desktop's objects are made and wired; each window's listeners are released when it closes.
 */
public final class Desktop {
    private static final int IO_THREADS = 4;

    private final DesktopOptions options;
    private final SwitchboardApi api;
    private final Clock clock;
    private final FxThread fx = new FxThread();
    private final TaskRunner tasks;
    private final Messages messages = Messages.load(Locale.getDefault());
    private final EnumText enums = new EnumText(messages);
    private final Formats formats;
    private final ErrorText errors;
    private final ThemeModel theme;
    private final PopProbe probe = new PopProbe();
    private final Workspace.Tools tools;
    private final FileDialogs files;
    private Stage stage;
    private Runnable closeCurrent;
    private Runnable onStopped = () -> { };
    private boolean stopped;
    /** Who signs in on the first login window; used once, so signing out shows an empty form. */
    private DesktopOptions.SignIn pendingSignIn;
    private boolean startReported;

    public Desktop(DesktopOptions options, SwitchboardApi api) {
        this(options, api, new ServerClock(Clock.systemDefaultZone()), null);
    }

    /** For tests: a fixed clock, and the runner background work goes through (null for the pool). */
    Desktop(DesktopOptions options, SwitchboardApi api, Clock clock, TaskRunner tasks) {
        this(options, api, clock, tasks, new FileChoosers());
    }

    /** For tests: also the file dialogs (a test picks files without a dialog). */
    Desktop(DesktopOptions options, SwitchboardApi api, Clock clock, TaskRunner tasks, FileDialogs files) {
        this.options = options;
        this.pendingSignIn = options.signIn();
        this.files = files;
        this.api = api;
        this.clock = clock;
        this.tasks = tasks != null ? tasks : new PooledTaskRunner(fx, IO_THREADS);
        this.formats = new Formats(messages, clock.getZone());
        this.errors = new ErrorText(messages, options.serverLabel() != null ? options.serverLabel() : api.baseUrl());
        this.theme = new ThemeModel(Theme.parse(options.theme()));
        this.tools = new Workspace.Tools(api, this.tasks, fx, clock, messages, enums, formats, errors, theme,
                new ClipRinger(this.tasks));
    }

    /** Shows the login window on the given stage; after sign-in the main window. Call on the FX thread. */
    public void start(Stage stage) {
        this.stage = stage;
        stage.setOnCloseRequest(e -> stop());
        showLogin();
        stage.show();
    }

    /** Opens the main window for an agent who signed in elsewhere (tools; see DesktopLauncher). */
    void startSignedIn(Stage stage, LoginResponse login) {
        this.stage = stage;
        stage.setOnCloseRequest(e -> stop());
        showMain(login);
        stage.show();
    }

    /**
     * Called on the FX thread with the interaction id on the first pulse after the card's controls hold
     * an offer's screen-pop data. May be null.
     */
    public void onPopDrawn(LongConsumer listener) {
        probe.listen(listener);
    }

    /** Closes the event stream and windows; releases listeners. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        closeWindow();
        if (stage != null) {
            stage.close();
        }
        tasks.shutdown();
        onStopped.run();
    }

    /** Runs once the desktop has stopped (its window closed, or Quit). */
    void onStopped(Runnable action) {
        this.onStopped = action;
    }

    private void showLogin() {
        LoginViewModel vm = new LoginViewModel(options, api, tasks, messages, errors, this::showMain);
        ViewLoader loader = new ViewLoader(messages).register(LoginController.class, () -> new LoginController(vm, enums));
        ViewLoader.Loaded<LoginController> view = loader.load(View.LOGIN, LoginController.class);
        Scene scene = new Scene(view.root(), 900, 500);
        Registration styles = SceneStyles.follow(scene, theme);
        show(scene, messages.get("login.window.title"), 760, 480, () -> {
            view.controller().dispose();
            styles.close();
        });
        view.controller().focus();
        DesktopOptions.SignIn signIn = pendingSignIn;
        pendingSignIn = null;
        if (signIn != null) {
            vm.usernameProperty().set(signIn.username());
            if (signIn.password() != null) {
                vm.passwordProperty().set(signIn.password());
                vm.signIn();
            }
        }
    }

    private void showMain(LoginResponse login) {
        if (stopped) {
            return;
        }
        Workspace w = new Workspace(login, tools, this::signOut, this::quit);
        boolean outbound = login.agent() != null && login.agent().role() == Role.OUTBOUND_AGENT;
        OutboundViewModel calls = new OutboundViewModel(api, tasks, clock, messages, enums, formats, errors);
        boolean administering = login.agent() != null && login.agent().role() == Role.ADMINISTRATOR;
        AdminViewModel admin = administering
                ? new AdminViewModel(api.admin().orElse(null), tasks, messages, enums, formats, errors) : null;
        dev.switchboard.desktop.knowledge.KnowledgeViewModel knowledge =
                new dev.switchboard.desktop.knowledge.KnowledgeViewModel(api, tasks, messages, errors);
        ViewLoader loader = new ViewLoader(messages);
        loader.register(MainController.class, () -> new MainController(w.main(), messages, enums, loader, clock,
                        w.supervising(), outbound))
                .register(SupervisorController.class, () -> {
                    SupervisorController dashboard = new SupervisorController(w.supervisor(), messages, files,
                            admin == null ? null : () -> loader.load(View.ADMIN, AdminController.class).controller());
                    dashboard.mergeCustomersWith(new dev.switchboard.desktop.customer.CustomerPickViewModel(api, tasks,
                            messages, errors), w.customerMerge());
                    dashboard.editKnowledgeWith(new dev.switchboard.desktop.knowledge.KnowledgeEditorViewModel(api,
                            tasks, messages, errors, () -> {
                                var config = w.session().configProperty().get();
                                return config == null ? java.util.List.of() : config.queues();
                            }));
                    return dashboard;
                })
                .register(AdminController.class, () -> new AdminController(admin, messages, enums))
                .register(OutboundController.class, () -> new OutboundController(calls, messages))
                .register(ContactsController.class, () -> new ContactsController(w.contacts(), messages))
                .register(QueueController.class, () -> new QueueController(w.queue(), messages))
                .register(TabsController.class, () -> new TabsController(w.tabs(), messages))
                .register(SearchController.class, () -> new SearchController(w.search(), w.sync(), messages))
                .register(SyncController.class, () -> new SyncController(w.sync(), messages))
                .register(MergeController.class, () -> new MergeController(w.merge(), messages))
                .register(TicketEditorController.class,
                        () -> new TicketEditorController(w.ticketEditor(), messages, enums))
                .register(CardController.class,
                        () -> new CardController(w.card(), w.main(), messages, enums, loader, probe, fx,
                                w.customerMerge()))
                .register(WrapUpController.class, () -> new WrapUpController(w.wrapUp(), messages, enums))
                .register(dev.switchboard.desktop.knowledge.KnowledgeController.class,
                        () -> new dev.switchboard.desktop.knowledge.KnowledgeController(knowledge, messages))
                .register(TransferController.class, () -> new TransferController(w.transfer(), messages))
                .register(CallbackController.class, () -> new CallbackController(w.callback(), messages))
                .register(CallController.class, () -> new CallController(w.call(), messages))
                .register(ConsultController.class, () -> new ConsultController(w.call().consult(), messages))
                .register(DialController.class, () -> new DialController(w.dial(), messages))
                .register(PhoneController.class, () -> new PhoneController(w.phone()))
                .register(ConversationController.class, () -> new ConversationController(messages, files, fx))
                .register(ComposerController.class, () -> new ComposerController(messages, files))
                .register(NewCustomerController.class, () -> new NewCustomerController(w.form(), messages, enums));
        ViewLoader.Loaded<MainController> view = loader.load(View.MAIN, MainController.class);
        Scene scene = new Scene(view.root(), 1280, 800);
        Registration styles = SceneStyles.follow(scene, theme);
        String title = messages.format("main.window.title", w.main().agentNameProperty().get());
        Registration usable = reportUsableQueue(scene, w);
        // answers reach the view models on this (the FX) thread, so none lands before this method returns;
        // asking before the scene is put up lets the requests overlap its first CSS and layout pass
        w.start();
        if (outbound) {
            calls.follow(w.session());
            calls.start();
        }
        show(scene, title, 960, 600, () -> {
            usable.close();
            view.controller().dispose();
            calls.dispose();
            w.close();
            styles.close();
        });
        view.controller().focus();
    }

    /** For the first main window only, when someone measures the start: see {@link DesktopOptions#queueUsable}. */
    private Registration reportUsableQueue(Scene scene, Workspace w) {
        if (options.queueUsable() == null || startReported || w.supervising()) {
            return () -> { };
        }
        startReported = true;
        BooleanBinding usable = w.queue().loadedProperty().and(w.session().connectedProperty());
        FirstPulse first = FirstPulse.when(scene, usable,
                () -> options.queueUsable().accept(w.queue().items().size()), fx);
        return () -> {
            first.close();
            usable.dispose();
        };
    }

    private void signOut() {
        tasks.run(() -> {
            api.logout();
            return null;
        }, ok -> { }, e -> { });
        showLogin();
    }

    private void quit() {
        stop();
        fx.exit();
    }

    /** Puts the next window's scene on the stage, then closes the previous one (never zero windows). */
    private void show(Scene scene, String title, double minWidth, double minHeight, Runnable close) {
        Runnable previous = closeCurrent;
        closeCurrent = close;
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(scene);
        stage.setTitle(title);
        stage.sizeToScene();
        stage.setMinWidth(minWidth);
        stage.setMinHeight(minHeight);
        stage.centerOnScreen();
        if (previous != null) {
            previous.run();
        }
    }

    private void closeWindow() {
        if (closeCurrent != null) {
            closeCurrent.run();
            closeCurrent = null;
        }
    }
}
