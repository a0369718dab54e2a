package dev.switchboard.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many {@code /api/v1/events} streams read by one thread over non-blocking sockets, so a load
 * generator can hold thousands of them without a thread (or an HTTP client's buffers) per stream.
 * It speaks just enough HTTP/1.1 for the server's event stream (a 200 answer whose body runs until
 * the connection closes) and just enough SSE to know each event's type and id and the moment its
 * last byte arrived. A stream copies the data only of the event types it was opened to keep; the
 * rest it skims for line ends, eight bytes at a time.
 */
final class SseStreams implements AutoCloseable {

    /** Told of each complete event, on the reading thread: must return quickly. */
    interface Listener {
        /**
         * @param id           the event's {@code id:} field, or -1 when it has none
         * @param arrivalNanos {@link System#nanoTime()} when the read that completed the event returned
         * @param data         the event's data when the stream keeps that type, else null (valid only
         *                     during the call; its first {@code dataLength} bytes)
         */
        void onEvent(int stream, String type, long id, long arrivalNanos, byte[] data, int dataLength);

        /** The stream ended (refused, or closed by the server). */
        default void onClosed(int stream, String why) {
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final int HEAD = 64;
    private static final byte[] LINE_BREAK = {'\n'};
    /** A kept event's data starts in a buffer this large, which grows as needed: most events are small. */
    private static final int FIRST_DATA_BUFFER = 1024;

    private final InetSocketAddress address;
    private final String host;
    private final Listener listener;
    private final Selector selector;
    private final Queue<Conn> toOpen = new ConcurrentLinkedQueue<>();
    private final List<Conn> all = new ArrayList<>();
    private final byte[] buffer = new byte[256 * 1024];
    private final ByteBuffer readBuffer = ByteBuffer.wrap(buffer);
    private final AtomicInteger requested = new AtomicInteger();
    private final AtomicInteger streaming = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param baseUrl the server, e.g. {@code http://127.0.0.1:41234} */
    SseStreams(String baseUrl, Listener listener) throws IOException {
        URI uri = URI.create(baseUrl);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.host = uri.getHost() + ":" + uri.getPort();
        this.listener = listener;
        this.selector = Selector.open();
        this.thread = new Thread(this::loop, "sse-streams");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens a stream with this bearer token (asynchronously: see {@link #streaming()} and {@link #failed()}),
     * handing the listener the data of the events of {@code keptTypes}.
     */
    void open(int stream, String token, Set<String> keptTypes) {
        requested.incrementAndGet();
        toOpen.add(new Conn(stream, token, Set.copyOf(keptTypes)));
        selector.wakeup();
    }

    /** Streams asked for so far. */
    int requested() {
        return requested.get();
    }

    /** Streams whose first event (the server's {@code hello}) arrived. */
    int streaming() {
        return streaming.get();
    }

    /** Streams open now (answered 200 and not closed since). */
    int open() {
        return open.get();
    }

    /** Streams that could not be opened (connection refused, not 200). */
    int failed() {
        return failed.get();
    }

    /** Streams that were open and that the server closed. */
    int closedByServer() {
        return closedByServer.get();
    }

    long bytesRead() {
        return bytesRead.get();
    }

    private void loop() {
        try {
            while (running) {
                selector.select(100);
                Conn c;
                while ((c = toOpen.poll()) != null) {
                    start(c);
                }
                var keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Conn conn = (Conn) key.attachment();
                    try {
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isConnectable()) {
                            conn.channel.finishConnect();
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                        if (key.isValid() && key.isWritable()) {
                            conn.channel.write(conn.request);
                            if (!conn.request.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        }
                        if (key.isValid() && key.isReadable()) {
                            read(conn);
                        }
                    } catch (IOException | RuntimeException e) {
                        end(conn, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            // the selector failed: every stream ends with it
        } finally {
            for (Conn c : all) {
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void start(Conn c) {
        try {
            c.channel = SocketChannel.open();
            c.channel.configureBlocking(false);
            c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            all.add(c);
            c.channel.connect(address);
            c.channel.register(selector, SelectionKey.OP_CONNECT, c);
        } catch (IOException e) {
            end(c, "connect: " + e.getMessage());
        }
    }

    private void read(Conn c) throws IOException {
        readBuffer.clear();
        int n = c.channel.read(readBuffer);
        if (n < 0) {
            end(c, "closed by the server");
            return;
        }
        long now = System.nanoTime();
        bytesRead.addAndGet(n);
        int from = 0;
        if (!c.headersDone) {
            from = c.headers(buffer, n);
            if (from < 0) {
                return; // headers not complete yet
            }
            if (!c.headersDone) {
                end(c, c.refusal);
                return;
            }
            open.incrementAndGet();
        }
        body(c, from, n, now);
    }

    private void end(Conn c, String why) {
        if (c.ended) {
            return;
        }
        c.ended = true;
        if (c.headersDone) {
            open.decrementAndGet();
            if (running) {
                closedByServer.incrementAndGet();
            }
        } else {
            failed.incrementAndGet();
        }
        try {
            if (c.channel != null) {
                c.channel.close();
            }
        } catch (IOException ignored) {
            // closed anyway
        }
        if (running) {
            listener.onClosed(c.stream, why);
        }
    }

    private void body(Conn c, int from, int to, long now) {
        int p = from;
        while (p < to) {
            int nl = indexOfNewline(buffer, p, to);
            int end = nl < 0 ? to : nl;
            c.segment(buffer, p, end);
            if (nl < 0) {
                return;
            }
            c.lineEnd(now);
            p = nl + 1;
        }
    }

    /** The first '\n' in {@code a[from, to)}, or -1: a word at a time (the zero-byte trick on {@code x ^ '\n'...}). */
    static int indexOfNewline(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(a, i) ^ NEWLINES;
            long t = (v - ONES) & ~v & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(10_000);
    }

    private final class Conn {
        final int stream;
        final Set<String> keptTypes;
        final ByteBuffer request;
        SocketChannel channel;
        boolean headersDone;
        boolean ended;
        String refusal;
        final ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        // the line being read: its first bytes, its length, whether its data is copied
        final byte[] head = new byte[HEAD];
        int headLen;
        int lineLen;
        int kind; // 0 undecided, 1 data kept, 2 anything else
        // the event being read
        boolean fields;
        boolean kept;
        String type;
        long id = -1;
        byte[] data;
        int dataLen;
        boolean firstEvent = true;

        Conn(int stream, String token, Set<String> keptTypes) {
            this.stream = stream;
            this.keptTypes = keptTypes;
            String req = "GET /api/v1/events HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
            this.request = ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII));
        }

        /** @return where the body starts in {@code a}, or -1 while the headers go on */
        int headers(byte[] a, int n) {
            int before = headerBytes.size();
            headerBytes.write(a, 0, n);
            byte[] all = headerBytes.toByteArray();
            int end = -1;
            for (int i = Math.max(0, before - 3); i + 3 < all.length; i++) {
                if (all[i] == '\r' && all[i + 1] == '\n' && all[i + 2] == '\r' && all[i + 3] == '\n') {
                    end = i + 4;
                    break;
                }
            }
            if (end < 0) {
                if (all.length > 16_384) {
                    refusal = "headers too long";
                    return 0;
                }
                return -1;
            }
            String text = new String(all, 0, end, StandardCharsets.ISO_8859_1);
            String status = text.substring(0, Math.max(0, text.indexOf('\r')));
            if (!status.matches("HTTP/1\\.[01] 200.*")) {
                refusal = "answered " + status;
            } else if (text.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                refusal = "a chunked event stream (not read by this client)";
            } else {
                headersDone = true;
            }
            headerBytes.reset();
            return end - before;
        }

        void segment(byte[] a, int from, int to) {
            int len = to - from;
            lineLen += len;
            int p = from;
            if (kind != 1 && headLen < HEAD) {
                int k = Math.min(HEAD - headLen, len);
                System.arraycopy(a, p, head, headLen, k);
                headLen += k;
                p += k;
                if (kind == 0 && headLen >= 6) {
                    decide();
                }
            }
            if (kind == 1 && p < to) {
                append(a, p, to - p);
            }
        }

        private void decide() {
            if (kept && starts("data:")) {
                kind = 1;
                if (dataLen > 0) {
                    append(LINE_BREAK, 0, 1); // the event's data lines join with a line break, as SSE says
                }
                int skip = head[5] == ' ' ? 6 : 5;
                append(head, skip, headLen - skip);
            } else {
                kind = 2;
            }
        }

        private void append(byte[] a, int from, int len) {
            if (data == null) {
                data = new byte[Math.max(FIRST_DATA_BUFFER, len)];
            }
            if (dataLen + len > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, dataLen + len));
            }
            System.arraycopy(a, from, data, dataLen, len);
            dataLen += len;
        }

        private boolean starts(String prefix) {
            if (headLen < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (head[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        void lineEnd(long now) {
            int len = lineLen;
            if (len > 0 && headLen == len && head[len - 1] == '\r') {
                len--;
            }
            if (len == 0) {
                if (fields) {
                    if (firstEvent) {
                        firstEvent = false;
                        streaming.incrementAndGet();
                    }
                    listener.onEvent(stream, type, id, now, kept ? data : null, kept ? dataLen : 0);
                }
                fields = false;
                kept = false;
                type = null;
                id = -1;
                dataLen = 0;
            } else if (kind != 1) {
                int n = Math.min(headLen, len);
                if (n > 0 && head[0] != ':') {
                    fields = true;
                    if (starts("id:")) {
                        id = parseLong(3, n);
                    } else if (starts("event:")) {
                        int s = head.length > 6 && n > 6 && head[6] == ' ' ? 7 : 6;
                        type = new String(head, s, Math.max(0, n - s), StandardCharsets.UTF_8);
                        kept = keptTypes.contains(type);
                    }
                }
            } else {
                fields = true;
                if (dataLen > 0 && data[dataLen - 1] == '\r') {
                    dataLen--; // a CRLF line end
                }
            }
            headLen = 0;
            lineLen = 0;
            kind = 0;
        }

        private long parseLong(int from, int to) {
            long v = 0;
            boolean any = false;
            for (int i = from; i < to; i++) {
                byte b = head[i];
                if (b >= '0' && b <= '9') {
                    v = v * 10 + (b - '0');
                    any = true;
                }
            }
            return any ? v : -1;
        }
    }
}
