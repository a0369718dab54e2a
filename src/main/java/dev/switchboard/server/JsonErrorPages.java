package dev.switchboard.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Answers what the HTTP server refuses before the API sees it (a path with an encoded NUL or an
 * ambiguous segment, a header too large) in the API's own form, {@code {"error", "message"}}, instead
 * of an HTML page; never with a stack trace.
 */
final class JsonErrorPages extends ErrorHandler {
    JsonErrorPages() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String reason = HttpStatus.getMessage(code);
        String body = "{\"error\":\"" + (code >= 500 ? "internal" : "bad_request") + "\",\"message\":\""
                + (code == 400 ? "the request is malformed (its path, headers or encoding)" : reason.toLowerCase(java.util.Locale.ROOT))
                + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
