package dev.switchboard.channels.chat;

import io.javalin.Javalin;

import java.time.Clock;
import java.time.Duration;

/** A real web server on a free port with only the chat gateway installed, and a recording listener. */
final class ChatServer implements AutoCloseable {
    final RecordingListener listener = new RecordingListener();
    final ChatGateway gateway;
    private Javalin app;

    ChatServer(Duration grace, Clock clock) {
        gateway = new ChatGateway(listener, grace, clock);
        app = serve(0);
    }

    ChatServer(Duration grace) {
        this(grace, Clock.systemUTC());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Drops every connection, as a network failure would, and serves again on the same port. */
    void restart() {
        int port = app.port();
        app.stop();
        app = serve(port);
    }

    private Javalin serve(int port) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            gateway.install(config);
        }).start();
    }

    @Override
    public void close() {
        app.stop();
        gateway.close();
    }
}
