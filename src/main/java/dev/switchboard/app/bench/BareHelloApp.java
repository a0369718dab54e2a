package dev.switchboard.app.bench;

import io.javalin.Javalin;

import java.util.concurrent.CountDownLatch;

/**
 * P5's yardstick: a Javalin app with one route, {@code GET /hello} answering a short text, and
 * nothing else (no JSON mapper, no before/after handlers, no database). The benchmark starts it in a
 * JVM of its own with the same Javalin, Jetty and heap as the Switchboard server.
 */
public final class BareHelloApp {
    static final String READY = "Bare Javalin ready at ";
    static final String BODY = "hello";

    private BareHelloApp() {
    }

    /** Starts the app on this host and port (0: a free one). */
    static Javalin start(String host, int port) {
        return Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.routes.get("/hello", ctx -> ctx.result(BODY));
        }).start();
    }

    /** {@code BareHelloApp [port]}: listens on 127.0.0.1 until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Javalin app = start("127.0.0.1", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }, "shutdown"));
        System.out.println(READY + "http://127.0.0.1:" + app.port());
        stopped.await();
    }
}
