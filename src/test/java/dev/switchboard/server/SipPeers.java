package dev.switchboard.server;

import dev.switchboard.channels.voice.Sipp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sipp peers one test starts, and what it must close after: a customer behind the trunk, agents'
 * phones registered with the server, desks following the stream. Closed in reverse: the things added
 * last, then the peers.
 */
final class SipPeers implements AutoCloseable {
    private final List<Sipp> peers = new ArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final Duration wait;

    SipPeers(Duration wait) {
        this.wait = wait;
    }

    Sipp peer(Sipp.Builder builder) {
        Sipp sipp = builder.start();
        peers.add(sipp);
        return sipp;
    }

    /** An agent's phone: a sipp playing {@code scenario}, registered with the server as {@code user}. */
    Sipp phone(SwitchboardServer server, String user, String scenario) {
        Sipp answering = peer(Sipp.uas(scenario));
        peer(Sipp.uac("phone-register.xml").target("127.0.0.1", server.sipPort())
                .key("username", user).key("password", user).key("contact_port", answering.port()))
                .awaitSuccess(wait);
        return answering;
    }

    <T extends AutoCloseable> T closeAfter(T thing) {
        closing.add(thing);
        return thing;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        peers.forEach(Sipp::close);
    }
}
