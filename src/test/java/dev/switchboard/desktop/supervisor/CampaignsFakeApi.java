package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.CampaignProgressView;
import dev.switchboard.api.CampaignView;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.DemoAccount;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.DesktopOptions;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.domain.Role;
import javafx.stage.Stage;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.outbound.DiallingMode;
import dev.switchboard.domain.outbound.Purpose;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared {@link FakeApi} with a supervisor's view of outbound campaigns: it lists {@link #campaigns},
 * records each pause or resume and answers it as the server would, or throws the failure set for it.
 * FakeApi is final, so this puts a proxy in front of it instead of extending it; every other call goes
 * to the FakeApi unchanged.
 */
final class CampaignsFakeApi implements InvocationHandler {
    /** The server the rest of the desktop talks to. */
    final FakeApi base;
    /** What the list answers, in the server's order. */
    final List<CampaignView> campaigns = new CopyOnWriteArrayList<>();
    /** Every pause or resume asked for, as "id active" ("1 false"). */
    final List<String> setActive = new CopyOnWriteArrayList<>();
    /** How often the list was asked for. */
    final AtomicInteger asks = new AtomicInteger();
    /** When set, asking for the list throws it. */
    volatile RuntimeException listFailure;
    /** When set, a pause or resume throws it. */
    volatile RuntimeException setFailure;
    private final SwitchboardApi api;

    CampaignsFakeApi(FakeApi base) {
        this.base = base;
        this.api = (SwitchboardApi) Proxy.newProxyInstance(SwitchboardApi.class.getClassLoader(),
                new Class<?>[] {SwitchboardApi.class}, this);
    }

    /**
     * Starts a desktop on this API with the fake's fixtures, signed out, on the sample campaigns
     * (supervisor dashboard and intervals set by the caller first).
     */
    Desktop startDesktop(Stage stage) {
        campaigns.addAll(sample());
        Fixtures.install(base);
        Desktop desktop = new Desktop(new DesktopOptions("Embedded server on 127.0.0.1:41234",
                List.of(new DemoAccount(FakeApi.USER, FakeApi.PASSWORD, Role.AGENT)), "light", null), api);
        desktop.start(stage);
        return desktop;
    }

    /** The API to hand to the desktop or a view model. */
    SwitchboardApi api() {
        return api;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("outboundCampaigns") && method.getParameterCount() == 0) {
            asks.incrementAndGet();
            RuntimeException failure = listFailure;
            if (failure != null) {
                throw failure;
            }
            return List.copyOf(campaigns);
        }
        if (method.getName().equals("outboundSetActive")) {
            return setActive((Long) args[0], (Boolean) args[1]);
        }
        try {
            return method.invoke(base, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private CampaignView setActive(long id, boolean active) {
        setActive.add(id + " " + active);
        RuntimeException failure = setFailure;
        if (failure != null) {
            throw failure;
        }
        for (int i = 0; i < campaigns.size(); i++) {
            CampaignView c = campaigns.get(i);
            if (c.id() == id) {
                CampaignView after = withActive(c, active);
                campaigns.set(i, after);
                return after;
            }
        }
        throw new IllegalArgumentException("no campaign " + id);
    }

    private static CampaignView withActive(CampaignView c, boolean active) {
        return new CampaignView(c.id(), c.name(), c.mode(), c.dialled(), c.note(), c.purpose(), active,
                c.callingHours(), c.holidays(), c.retryAfter(), c.maxAttempts(), c.maxAbandonRate(), c.defaultRegion(),
                c.dispositions(), c.progress(), c.createdAt());
    }

    /** Replaces campaign {@code id}'s progress, as the dialling of a few more records would. */
    void progress(long id, CampaignProgressView progress) {
        campaigns.replaceAll(c -> c.id() != id ? c : campaign(c.id(), c.name(), c.mode(), c.active(),
                c.maxAbandonRate(), progress));
    }

    /**
     * A campaign with its progress: records, attempted, attempts, connected, abandoned, remaining,
     * blocked, closed.
     */
    static CampaignView campaign(long id, String name, DiallingMode mode, boolean active, double maxAbandonRate,
                                 CampaignProgressView progress) {
        // the server says who dials the campaign; here only the dialler's modes carry a note
        String note = mode == DiallingMode.PREVIEW ? null
                : "The server dials " + mode + " campaigns for the agents who joined them";
        return new CampaignView(id, name, mode, true, note,
                Purpose.SERVICE, active, Map.of(), List.of(), Map.of(), 3, maxAbandonRate, "GB", List.of(), progress,
                Fixtures.NOW.minusSeconds(86_400));
    }

    static CampaignProgressView progress(int records, int attempted, int connected, int abandoned, int remaining,
                                         int blocked, int closed) {
        return new CampaignProgressView(records, attempted, attempted + abandoned, connected, abandoned, remaining,
                blocked, closed);
    }

    /**
     * Four campaigns a supervisor might look at: Winter renewals (active, 1.2 % abandoned against a
     * 3 % limit: met), Spring offers (paused, 2.7 % against 3 %: close), Debt reminders (active, 5.0 %
     * against 3 %: missed) and Survey follow-up (active, nothing answered yet).
     */
    static List<CampaignView> sample() {
        return List.of(
                campaign(1, "Winter renewals", DiallingMode.PREVIEW, true, 0.03,
                        progress(200, 120, 82, 1, 130, 10, 60)),
                campaign(2, "Spring offers", DiallingMode.PROGRESSIVE, false, 0.03,
                        progress(400, 300, 219, 6, 100, 20, 280)),
                campaign(3, "Debt reminders", DiallingMode.PREDICTIVE, true, 0.03,
                        progress(80, 60, 38, 2, 35, 5, 40)),
                campaign(4, "Survey follow-up", DiallingMode.PREVIEW, true, 0.05,
                        progress(50, 0, 0, 0, 50, 0, 0)));
    }
}
