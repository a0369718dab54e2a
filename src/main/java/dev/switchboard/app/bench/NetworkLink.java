package dev.switchboard.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between one desktop and the server, as a TCP relay on loopback that can be cut: cut,
 * every connection through it is closed and new ones are refused (nothing listens on its port), as
 * when the desktop's network drops; restored, it listens on the same port again. The server on the
 * far side goes on running.
 */
final class NetworkLink implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;
    private volatile boolean closed;

    private NetworkLink(InetSocketAddress target, ServerSocket first) {
        this.target = target;
        this.port = first.getLocalPort();
        listen(first);
    }

    /** A link to {@code host:port}, up, on a free loopback port. */
    static NetworkLink to(String host, int targetPort) throws IOException {
        return new NetworkLink(new InetSocketAddress(host, targetPort), bind(0));
    }

    /** The base URL a desktop uses to reach the server through this link. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Drops the link: open connections are closed, new ones refused. */
    synchronized void cut() throws IOException {
        ServerSocket s = listening;
        listening = null;
        if (s != null) {
            s.close();
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Brings the link back on the same port. */
    synchronized void restore() throws IOException {
        if (listening == null && !closed) {
            listen(bind(port));
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        cut();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return s;
    }

    private void listen(ServerSocket s) {
        listening = s;
        Thread t = new Thread(() -> accept(s), "network-link-accept");
        t.setDaemon(true);
        t.start();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket in;
            try {
                in = s.accept();
            } catch (IOException e) {
                return; // cut
            }
            Socket out = new Socket();
            try {
                out.connect(target, 3_000);
                in.setTcpNoDelay(true);
                out.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(in);
                closeQuietly(out);
                continue;
            }
            open.add(in);
            open.add(out);
            if (listening != s) { // cut while connecting
                closeQuietly(in);
                closeQuietly(out);
                return;
            }
            pump(in, out);
            pump(out, in);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream src = from.getInputStream(); OutputStream dst = to.getOutputStream()) {
                int n;
                while ((n = src.read(buffer)) >= 0) {
                    dst.write(buffer, 0, n);
                }
            } catch (IOException closed) {
                // the link was cut, or one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "network-link-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
