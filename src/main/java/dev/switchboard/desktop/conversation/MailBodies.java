package dev.switchboard.desktop.conversation;

import dev.switchboard.desktop.View;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.TextArea;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes the body of an e-mail: its text in a read-only, selectable text area, or its (sanitised)
 * HTML in a web view with JavaScript off that never leaves the mail: a clicked link is reported and
 * the mail shown again. Where no web view can be made (no WebKit on this system) the text is shown.
 */
final class MailBodies {
    private static final double MIN_HEIGHT = 90;
    private static final double MAX_HEIGHT = 380;
    private static final double LINE = 19;
    private static final int CHARS_PER_LINE = 95;
    private static final int MAX_ROWS = 16;

    private final Executor later;
    private final Supplier<WebView> webViews;
    private boolean webBroken;

    /** {@code later}: runs work on the FX thread after the current event (the reload after a click). */
    MailBodies(Executor later) {
        this(later, WebView::new);
    }

    /** For tests: where web views come from (one that throws stands for a system without WebKit). */
    MailBodies(Executor later, Supplier<WebView> webViews) {
        this.later = later;
        this.webViews = webViews;
    }

    TextArea text(String body) {
        TextArea area = new TextArea(body);
        area.setEditable(false);
        area.setWrapText(true);
        area.setFocusTraversable(true);
        // a row more than the lines: the area's own padding would otherwise cost the last line
        area.setPrefRowCount(Math.max(2, Math.min(MAX_ROWS, lines(body) + 1)));
        area.getStyleClass().add("mail-text");
        return area;
    }

    /** The HTML in a web view; null when none can be made here. */
    Html html(String html, String text, Consumer<String> linkClicked) {
        if (webBroken) {
            return null;
        }
        WebView web;
        try {
            web = webViews.get();
        } catch (RuntimeException | LinkageError e) {
            webBroken = true;
            return null;
        }
        return new Html(web, html, text, linkClicked);
    }

    static int lines(String text) {
        int n = 0;
        for (String line : (text == null ? "" : text).split("\\R", -1)) {
            n += Math.max(1, (line.length() + CHARS_PER_LINE - 1) / CHARS_PER_LINE);
        }
        return n;
    }

    /** A web view showing one mail; {@link #dispose} stops it and lets it go. */
    final class Html {
        private final WebView web;
        private final WebEngine engine;
        private final String html;
        private final ChangeListener<String> location;

        private Html(WebView web, String html, String text, Consumer<String> linkClicked) {
            this.web = web;
            this.engine = web.getEngine();
            this.html = html;
            web.getStyleClass().add("mail-html");
            web.setContextMenuEnabled(false);
            double height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, 36 + LINE * lines(text)));
            web.setPrefHeight(height);
            web.setMinHeight(MIN_HEIGHT);
            web.setMaxHeight(MAX_HEIGHT);
            engine.setJavaScriptEnabled(false);
            engine.setCreatePopupHandler(features -> null);
            engine.setUserStyleSheetLocation(View.mailBodyStylesheet().toExternalForm());
            location = (obs, old, now) -> {
                if (now != null && !now.isBlank() && !now.startsWith("about:")) {
                    // the mail's own content has no address: anything else is a link being followed
                    engine.getLoadWorker().cancel();
                    later.execute(this::show);
                    linkClicked.accept(now);
                }
            };
            engine.locationProperty().addListener(location);
            show();
        }

        WebView node() {
            return web;
        }

        private void show() {
            engine.loadContent(html, "text/html");
        }

        void dispose() {
            engine.locationProperty().removeListener(location);
            engine.getLoadWorker().cancel();
            engine.loadContent("");
        }
    }
}
