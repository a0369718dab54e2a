package dev.switchboard.server.security;

import dev.switchboard.server.AuthService;

/**
 * How a server protects itself: TLS (null: plain http, as tests and a server behind a TLS proxy
 * use), rate limits on the API, and how long sessions last and when sign-ins lock.
 */
public record SecurityOptions(TlsSettings tls, RequestGuard.RateLimits rateLimits, AuthService.Limits sessions) {
    /** Plain http, the default rate limits and session limits: what the commands start from. */
    public static final SecurityOptions DEFAULT = new SecurityOptions(null, RequestGuard.RateLimits.DEFAULT,
            AuthService.Limits.DEFAULT);
    /**
     * Plain http without rate limits (sessions and lockout as usual): for servers that tests and tools
     * drive from inside their own process, far faster than any agent.
     */
    public static final SecurityOptions UNLIMITED = new SecurityOptions(null, RequestGuard.RateLimits.OFF,
            AuthService.Limits.DEFAULT);

    public SecurityOptions {
        if (rateLimits == null) {
            rateLimits = RequestGuard.RateLimits.DEFAULT;
        }
        if (sessions == null) {
            sessions = AuthService.Limits.DEFAULT;
        }
    }

    public SecurityOptions withTls(TlsSettings settings) {
        return new SecurityOptions(settings, rateLimits, sessions);
    }

    public SecurityOptions withRateLimits(RequestGuard.RateLimits limits) {
        return new SecurityOptions(tls, limits, sessions);
    }

    public SecurityOptions withSessions(AuthService.Limits limits) {
        return new SecurityOptions(tls, rateLimits, limits);
    }

    /** How this process's own helpers reach the server: trusting its certificate, or plain. */
    public ServerTrust selfTrust() {
        return tls == null ? ServerTrust.PLAIN : ServerTrust.of(tls.certificate());
    }
}
