package dev.switchboard.desktop.phone;

import dev.switchboard.desktop.Subscriptions;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The phone's status in the status bar, coloured by it (a warning when calls cannot reach the agent);
 * the tooltip says where and as whom to register.
 */
public final class PhoneController {
    private static final PseudoClass READY = PseudoClass.getPseudoClass("ready");
    private static final PseudoClass NOT_REGISTERED = PseudoClass.getPseudoClass("not-registered");
    private static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");

    private final PhoneViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();

    @FXML private Label phoneStatus;
    @FXML private FontIcon phoneIcon;

    public PhoneController(PhoneViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(phoneStatus.textProperty(), vm.textProperty());
        Tooltip tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        subscriptions.bind(tooltip.textProperty(), vm.detailsProperty());
        phoneStatus.setTooltip(tooltip);
        subscriptions.listen(vm.statusProperty(), (obs, old, now) -> show(now));
        show(vm.statusProperty().get());
    }

    public void dispose() {
        subscriptions.close();
    }

    private void show(PhoneViewModel.Status status) {
        phoneStatus.pseudoClassStateChanged(READY, status == PhoneViewModel.Status.READY);
        phoneStatus.pseudoClassStateChanged(NOT_REGISTERED, status == PhoneViewModel.Status.NOT_REGISTERED);
        phoneStatus.pseudoClassStateChanged(UNKNOWN, status == PhoneViewModel.Status.UNKNOWN);
        phoneIcon.setIconLiteral(switch (status) {
            case READY -> "mdi2p-phone-check";
            case NOT_REGISTERED -> "mdi2p-phone-off";
            case UNKNOWN -> "mdi2p-phone-alert";
            case CHECKING -> "mdi2p-phone";
        });
    }
}
