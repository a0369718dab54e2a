package dev.switchboard.server.security;

import dev.switchboard.api.ApiError;
import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How big a request body may be, by route: answers carrying e-mail attachments and call lists may be
 * large, everything else is small JSON. A declared {@code Content-Length} over the limit is refused
 * with 413 and a JSON body before any of the body is read; a body sent without a length (chunked) is
 * cut off where it passes the limit, with the same 413.
 */
public final class BodyLimits implements Filter {
    /** Any JSON body not named below. */
    public static final long DEFAULT_LIMIT = 1_000_000;
    /** The most any request may carry (Javalin's own limit): an answer with 12 MB of attachments in base64. */
    public static final long ATTACHMENTS_LIMIT = 20_000_000;

    record Limit(String method, Pattern path, long bytes) {
    }

    private static final List<Limit> LARGER = List.of(
            // an answer with its attachments (12 MB at most, as base64 in JSON)
            new Limit("POST", Pattern.compile("/api/v1/interactions/[^/]+/messages"), ATTACHMENTS_LIMIT),
            // a call list in CSV (the route allows 10 MB)
            new Limit("POST", Pattern.compile("/api/v1/outbound/campaigns/[^/]+/records"), 10_000_000),
            // up to 200 writes, each as large as on its own route
            new Limit("POST", Pattern.compile("/api/v1/batch"), 16_000_000));

    private BodyLimits() {
    }

    /** Puts the limits in front of every request the server takes. */
    public static void install(JavalinConfig config) {
        config.http.maxRequestSize = ATTACHMENTS_LIMIT;
        config.jetty.modifyServletContextHandler(handler -> handler.addFilter(new FilterHolder(new BodyLimits()), "/*",
                EnumSet.of(DispatcherType.REQUEST)));
        config.routes.exception(BodyTooLarge.class, (e, ctx) -> {
            ctx.header("Connection", "close");
            ctx.status(413).json(new ApiError("too_large", e.getMessage(), null));
        });
    }

    /** The limit of a request, in bytes. */
    static long limitFor(String method, String path) {
        for (Limit l : LARGER) {
            if (l.method().equalsIgnoreCase(method) && l.path().matcher(path).matches()) {
                return l.bytes();
            }
        }
        return DEFAULT_LIMIT;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        long limit = limitFor(req.getMethod(), req.getRequestURI());
        long length = req.getContentLengthLong();
        if (length > limit) {
            refuse((HttpServletResponse) response, limit);
            return;
        }
        chain.doFilter(length < 0 && req.getHeader("Transfer-Encoding") != null ? new Capped(req, limit) : request, response);
    }

    static String message(long limit) {
        return "the request body is too large: this address takes at most " + human(limit);
    }

    private static String human(long bytes) {
        return bytes % 1_000_000 == 0 ? bytes / 1_000_000 + " MB" : bytes + " bytes";
    }

    private static void refuse(HttpServletResponse res, long limit) throws IOException {
        res.setStatus(413);
        // the rest of the body is never read: the connection cannot carry another request
        res.setHeader("Connection", "close");
        res.setContentType("application/json");
        byte[] body = ("{\"error\":\"too_large\",\"message\":\"" + message(limit) + "\",\"field\":null}")
                .getBytes(StandardCharsets.UTF_8);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        res.flushBuffer();
    }

    /** A request whose body stops with {@link BodyTooLarge} once it passes the limit. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream capped;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream(super.getInputStream(), limit);
            }
            return capped;
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        CappedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /** Thrown while reading a body without a declared length once it passes its route's limit. */
    public static final class BodyTooLarge extends RuntimeException {
        private final long limit;

        BodyTooLarge(long limit) {
            super(message(limit));
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
