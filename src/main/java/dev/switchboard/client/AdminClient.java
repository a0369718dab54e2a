package dev.switchboard.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.switchboard.api.AdminUserView;
import dev.switchboard.api.AuditEntryView;
import dev.switchboard.api.NewUserRequest;
import dev.switchboard.api.TeamView;
import dev.switchboard.api.UnitView;
import dev.switchboard.api.UserUpdateRequest;
import okhttp3.HttpUrl;

import java.time.Instant;
import java.util.List;

/**
 * The administrators' routes ({@code /api/v1/admin}): people, teams, units and the audit log. Online
 * only: nothing here is kept or queued, an administrator's change either reaches the server or is
 * refused on the spot. Failures are {@link ApiException} and {@link ServerUnreachableException}, as
 * for {@link SwitchboardApi}; every call blocks.
 */
public final class AdminClient {
    private final HttpUrl base;
    private final HttpSwitchboardApi api;
    private final TypeFactory types = TypeFactory.defaultInstance();

    /** Through the signed-in client: its connection, trusted certificate, token and error answers. */
    AdminClient(HttpUrl base, HttpSwitchboardApi api) {
        this.base = base;
        this.api = api;
    }

    /** What the audit log is asked for; blank or null parts are left out. */
    public record AuditQuery(String actor, String actionPrefix, String text, Instant from, Instant to, int limit) {
    }

    public List<AdminUserView> users() {
        return send("GET", url("users").build(), null, list(AdminUserView.class));
    }

    public AdminUserView createUser(NewUserRequest request) {
        return send("POST", url("users").build(), request, type(AdminUserView.class));
    }

    public AdminUserView updateUser(long id, UserUpdateRequest request) {
        return send("PATCH", url("users", Long.toString(id)).build(), request, type(AdminUserView.class));
    }

    public List<TeamView> teams() {
        return send("GET", url("teams").build(), null, list(TeamView.class));
    }

    public List<UnitView> units() {
        return send("GET", url("units").build(), null, list(UnitView.class));
    }

    /** Newest first. */
    public List<AuditEntryView> audit(AuditQuery q) {
        HttpUrl.Builder u = url("audit");
        param(u, "actor", q.actor());
        param(u, "action", q.actionPrefix());
        param(u, "subject", q.text());
        param(u, "from", q.from() == null ? null : q.from().toString());
        param(u, "to", q.to() == null ? null : q.to().toString());
        if (q.limit() > 0) {
            u.addQueryParameter("limit", Integer.toString(q.limit()));
        }
        return send("GET", u.build(), null, list(AuditEntryView.class));
    }

    private static void param(HttpUrl.Builder u, String name, String value) {
        if (value != null && !value.isBlank()) {
            u.addQueryParameter(name, value.trim());
        }
    }

    private HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder b = base.newBuilder().addPathSegment("api").addPathSegment("v1").addPathSegment("admin");
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b;
    }

    private JavaType type(Class<?> c) {
        return types.constructType(c);
    }

    private JavaType list(Class<?> element) {
        return types.constructCollectionType(List.class, element);
    }

    private <T> T send(String method, HttpUrl url, Object body, JavaType type) {
        return api.send(method, url, body, type);
    }
}
