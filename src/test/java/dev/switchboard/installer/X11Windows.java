package dev.switchboard.installer;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the X11 protocol to list the titles of the windows shown on a local X server (the
 * virtual display the installer test starts, with no window manager, so an application's windows are
 * children of the root). The test needs no X client programs installed besides the server itself.
 * Speaks to {@code /tmp/.X11-unix/X<display>} without authorisation, as a server started without
 * {@code -auth} allows.
 */
final class X11Windows implements AutoCloseable {
    private static final int GET_WINDOW_ATTRIBUTES = 3;
    private static final int QUERY_TREE = 15;
    private static final int INTERN_ATOM = 16;
    private static final int GET_PROPERTY = 20;
    private static final int ATOM_WM_NAME = 39;
    private static final int MAP_STATE_VIEWABLE = 2;

    private final SocketChannel channel;
    private final int root;
    private final int netWmName;

    private X11Windows(SocketChannel channel, int root) throws IOException {
        this.channel = channel;
        this.root = root;
        this.netWmName = internAtom("_NET_WM_NAME");
    }

    static X11Windows connect(int display) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(Path.of("/tmp/.X11-unix/X" + display)));
            ByteBuffer setup = le(12);
            setup.put((byte) 'l').put((byte) 0).putShort((short) 11).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0);
            write(ch, setup);
            ByteBuffer head = read(ch, 8);
            int status = head.get(0);
            int extra = Short.toUnsignedInt(head.getShort(6)) * 4;
            ByteBuffer body = read(ch, extra);
            if (status != 1) {
                throw new IOException("the X server refused the connection: "
                        + new String(body.array(), 0, Math.min(head.get(1) & 0xff, extra), StandardCharsets.ISO_8859_1));
            }
            int vendorLength = Short.toUnsignedInt(body.getShort(16));
            int formats = body.get(21) & 0xff;
            int screens = 32 + pad(vendorLength) + 8 * formats;
            return new X11Windows(ch, body.getInt(screens));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The titles of the top-level windows that are mapped and viewable now. */
    List<String> shownTitles() throws IOException {
        List<String> titles = new ArrayList<>();
        for (int window : children(root)) {
            if (!viewable(window)) {
                continue;
            }
            String title = property(window, netWmName);
            if (title == null) {
                title = property(window, ATOM_WM_NAME);
            }
            if (title != null) {
                titles.add(title);
            }
        }
        return titles;
    }

    private int internAtom(String name) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer req = le(8 + pad(n.length));
        req.put((byte) INTERN_ATOM).put((byte) 0).putShort((short) (2 + pad(n.length) / 4))
                .putShort((short) n.length).putShort((short) 0).put(n);
        ByteBuffer reply = request(req);
        if (reply == null) {
            throw new IOException("InternAtom " + name + " failed");
        }
        return reply.getInt(8);
    }

    private List<Integer> children(int window) throws IOException {
        ByteBuffer reply = request(windowRequest(QUERY_TREE, window));
        List<Integer> out = new ArrayList<>();
        if (reply == null) {
            return out;
        }
        int n = Short.toUnsignedInt(reply.getShort(16));
        for (int i = 0; i < n; i++) {
            out.add(reply.getInt(32 + 4 * i));
        }
        return out;
    }

    private boolean viewable(int window) throws IOException {
        ByteBuffer reply = request(windowRequest(GET_WINDOW_ATTRIBUTES, window));
        return reply != null && reply.get(26) == MAP_STATE_VIEWABLE;
    }

    /** A text property of the window (any type), or null when it has none or the window is gone. */
    private String property(int window, int atom) throws IOException {
        ByteBuffer req = le(24);
        req.put((byte) GET_PROPERTY).put((byte) 0).putShort((short) 6).putInt(window).putInt(atom)
                .putInt(0).putInt(0).putInt(1024);
        ByteBuffer reply = request(req);
        if (reply == null || reply.getInt(8) == 0) {
            return null;
        }
        int format = reply.get(1) & 0xff;
        int length = reply.getInt(16) * (format / 8);
        return new String(reply.array(), 32, length, StandardCharsets.UTF_8);
    }

    private static ByteBuffer windowRequest(int opcode, int window) {
        ByteBuffer req = le(8);
        req.put((byte) opcode).put((byte) 0).putShort((short) 2).putInt(window);
        return req;
    }

    /** Sends a request and reads its reply; null for an X error (e.g. a window closed meanwhile). */
    private ByteBuffer request(ByteBuffer req) throws IOException {
        write(channel, req);
        ByteBuffer head = read(channel, 32);
        int kind = head.get(0);
        if (kind == 0) {
            return null;
        }
        if (kind != 1) {
            throw new IOException("unexpected X message " + kind + " (no events were asked for)");
        }
        int extra = head.getInt(4) * 4;
        if (extra == 0) {
            return head;
        }
        ByteBuffer all = le(32 + extra);
        all.put(head.array());
        all.put(read(channel, extra).array());
        return all;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    private static void write(SocketChannel ch, ByteBuffer b) throws IOException {
        b.flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static ByteBuffer read(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = le(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("the X server closed the connection");
            }
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
