package dev.switchboard.desktop;

import java.net.URL;
import java.util.Objects;

/**
 * Every view of the desktop. Each one is {@code fxml/<feature>/<feature>_view.fxml} with its
 * stylesheet {@code styles/<feature>.css}; this enum is the only place those paths are spelled.
 */
public enum View {
    LOGIN("login"),
    MAIN("main"),
    CONTACTS("contacts"),
    QUEUE("queue"),
    TABS("tabs"),
    CARD("card"),
    WRAPUP("wrapup"),
    TRANSFER("transfer"),
    CALLBACK("callback"),
    CALL("call"),
    DIAL("dial"),
    PHONE("phone"),
    SEARCH("search"),
    CUSTOMER("customer"),
    STARTUP("startup"),
    CONVERSATION("conversation"),
    SYNC("sync"),
    MERGE("merge"),
    TICKET("ticket"),
    SUPERVISOR("supervisor"),
    OUTBOUND("outbound"),
    ADMIN("admin"),
    KNOWLEDGE("knowledge");

    private final String feature;

    View(String feature) {
        this.feature = feature;
    }

    public String feature() {
        return feature;
    }

    public URL fxml() {
        return resource("/fxml/" + feature + "/" + feature + "_view.fxml");
    }

    public URL stylesheet() {
        return resource("/styles/" + feature + ".css");
    }

    /** The sheet WebKit applies to e-mail bodies shown formatted: fonts and spacing only, the mail keeps its colours. */
    public static URL mailBodyStylesheet() {
        return resource("/styles/mail-body.css");
    }

    static URL resource(String path) {
        return Objects.requireNonNull(View.class.getResource(path), path);
    }
}
