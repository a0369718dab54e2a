package dev.switchboard.channels.chat;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The widget's files, read from the class path once and served as they are. */
final class ChatAssets {
    final Asset script = new Asset("/chat/widget.js", "text/javascript; charset=utf-8");
    final Asset style = new Asset("/chat/widget.css", "text/css; charset=utf-8");
    final Asset demo = new Asset("/chat/index.html", "text/html; charset=utf-8");

    static final class Asset {
        private final byte[] bytes;
        private final String type;

        Asset(String resource, String type) {
            this.type = type;
            try (InputStream in = ChatAssets.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the chat widget file " + resource + " is missing from the build");
                }
                this.bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void serve(Context ctx) {
            // revalidated on every load, so a new release reaches pages that embed the widget at once
            ctx.header("Cache-Control", "no-cache")
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(type)
                    .result(bytes);
        }
    }
}
