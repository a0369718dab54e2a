package dev.switchboard.app.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkLinkTest {

    /** A server that answers each line it reads with the line upper-cased, one connection at a time. */
    private static Thread echo(ServerSocket server) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    int b;
                    while ((b = in.read()) >= 0) {
                        out.write(Character.toUpperCase(b));
                        out.flush();
                    }
                } catch (IOException closed) {
                    // next connection, or the server is closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        byte[] answer = s.getInputStream().readNBytes(text.length());
        return new String(answer, StandardCharsets.UTF_8);
    }

    /**
     * Whether a new connection to {@code port} fails to reach the echo server: refused; connected to
     * itself (Linux may give a connection to an unused port of its own ephemeral range that very port
     * as its local end, and the two ends meet); or taken by some other program that got the freed
     * port meanwhile, which does not answer a line upper-cased as the echo server behind the link does.
     */
    private static boolean nothingListensOn(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            if (s.getLocalPort() == port) {
                return true;
            }
            s.setSoTimeout(1_000);
            try {
                return !"X".equals(roundTrip(s, "x"));
            } catch (IOException noAnswer) {
                return true;
            }
        } catch (ConnectException refused) {
            return true;
        }
    }

    @Test
    void carriesTrafficIsCutAndComesBackOnTheSamePort() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             NetworkLink link = NetworkLink.to("127.0.0.1", server.getLocalPort())) {
            echo(server);
            int port = URI.create(link.baseUrl()).getPort();

            Socket before = new Socket("127.0.0.1", port);
            assertThat(roundTrip(before, "hello")).isEqualTo("HELLO");

            link.cut();
            assertThat(before.getInputStream().read()).as("an open connection is closed by the cut").isEqualTo(-1);
            before.close();
            assertThat(nothingListensOn(port)).as("new connections do not reach the server while cut").isTrue();

            link.restore();
            try (Socket after = new Socket("127.0.0.1", port)) {
                assertThat(roundTrip(after, "again")).isEqualTo("AGAIN");
            }
        }
    }
}
