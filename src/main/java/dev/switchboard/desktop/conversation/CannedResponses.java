package dev.switchboard.desktop.conversation;

import dev.switchboard.api.CannedResponseView;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** The prepared answers of the centre: asked for once per sign-in, shared by every conversation. */
public final class CannedResponses {
    private final ConversationTools t;
    private final ObservableList<CannedResponseView> all = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private boolean loaded;

    public CannedResponses(ConversationTools t) {
        this.t = t;
    }

    /** Asks the server, unless it already answered or is being asked; after a failure, asks again. */
    public void load() {
        if (loaded || loading.get()) {
            return;
        }
        loading.set(true);
        problem.set("");
        t.tasks().run(t.api()::cannedResponses, list -> {
            loading.set(false);
            loaded = true;
            all.setAll(list == null ? List.of() : list);
        }, e -> {
            loading.set(false);
            problem.set(t.errors().of(e));
        });
    }

    public ObservableList<CannedResponseView> all() {
        return all;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
