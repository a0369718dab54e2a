package dev.switchboard.desktop.bench;

import dev.switchboard.desktop.FirstPulse;
import dev.switchboard.desktop.FxThread;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import java.util.function.Function;

/**
 * The yardstick of the benchmark's desktop start (P6): the least a JavaFX table app does, one window
 * with a table of a few columns and rows, in a scene the size of the desktop's main window. It prints
 * one line when the first frame with the table is laid out, found the same way as the desktop's
 * (a {@link FirstPulse}). Nobody works with it, so its few headers are plain text, not bundle keys.
 * Arguments: the number of rows (default 25).
 */
public final class BareTableApp {
    /** What it prints on standard output, followed by the number of rows. */
    public static final String DRAWN = "Bare table app drawn: ";

    private BareTableApp() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** A row of the table. */
    record Row(String who, String channel, String queue, String waited) {
    }

    /** The application itself; kept apart so the launcher does not ask for JavaFX modules. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            int rows = getParameters().getRaw().isEmpty() ? 25 : Integer.parseInt(getParameters().getRaw().get(0));
            ObservableList<Row> items = FXCollections.observableArrayList();
            String[] channels = {"PHONE", "EMAIL", "CHAT", "SOCIAL"};
            for (int i = 0; i < rows; i++) {
                items.add(new Row("Customer " + i, channels[i % channels.length], "Queue " + (i % 5),
                        String.format("%d:%02d", i / 60, i % 60)));
            }
            TableView<Row> table = new TableView<>(items);
            table.getColumns().add(column("Who", Row::who));
            table.getColumns().add(column("Channel", Row::channel));
            table.getColumns().add(column("Queue", Row::queue));
            table.getColumns().add(column("Waited", Row::waited));
            Scene scene = new Scene(table, 1280, 800);
            FirstPulse.when(scene, new SimpleBooleanProperty(true), () -> {
                System.out.println(DRAWN + items.size());
                System.out.flush();
            }, new FxThread());
            stage.setScene(scene);
            stage.setTitle("Table");
            stage.show();
        }

        private static TableColumn<Row, String> column(String title, Function<Row, String> value) {
            TableColumn<Row, String> c = new TableColumn<>(title);
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
            c.setPrefWidth(200);
            return c;
        }
    }
}
