package dev.switchboard.desktop.ui;

import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.desktop.Formats;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** A customer in a list (search results, candidates): name and company, address, contact points. */
public final class CustomerCell extends ListCell<CustomerSummary> {
    /** Every customer row is this tall, so a list can be sized to its rows. */
    public static final double HEIGHT = 66;

    private final Label name = new Label();
    private final Label company = new Label();
    private final Label address = new Label();
    private final Label points = new Label();
    private final VBox box;

    public CustomerCell() {
        name.getStyleClass().add("customer-cell-name");
        company.getStyleClass().add("customer-cell-company");
        address.getStyleClass().add("customer-cell-address");
        points.getStyleClass().add("customer-cell-points");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, name, spacer, company);
        box = new VBox(2, top, address, points);
        getStyleClass().add("customer-cell");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(CustomerSummary item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        name.setText(item.displayName());
        company.setText(item.company() == null ? "" : item.company());
        address.setText(Formats.address(item.address()));
        points.setText(joinPoints(item.contactPoints()));
        setGraphic(box);
    }

    static String joinPoints(List<ContactPointView> list) {
        if (list == null) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        for (ContactPointView p : list) {
            shown.add(p.display() != null ? p.display() : p.value());
        }
        return String.join("   ·   ", shown);
    }
}
