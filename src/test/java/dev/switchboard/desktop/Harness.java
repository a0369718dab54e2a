package dev.switchboard.desktop;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The signed-in view models over the fake server, all on the test's thread. */
public final class Harness {
    public final FakeApi api = new FakeApi();
    public final Messages messages = Messages.load(Locale.ENGLISH);
    public final ThemeModel theme = new ThemeModel(Theme.LIGHT);
    public final AtomicInteger signOuts = new AtomicInteger();
    /** How often the desktop asked to ring. */
    public final AtomicInteger rings = new AtomicInteger();
    public final Workspace w;

    public Harness(TaskRunner tasks) {
        Fixtures.install(api);
        EnumText enums = new EnumText(messages);
        Workspace.Tools tools = new Workspace.Tools(api, tasks, Runnable::run, Fixtures.CLOCK, messages, enums,
                new Formats(messages, Fixtures.CLOCK.getZone()), new ErrorText(messages, "test server"), theme,
                rings::incrementAndGet);
        w = new Workspace(api.login(FakeApi.USER, FakeApi.PASSWORD), tools, signOuts::incrementAndGet, () -> { });
        w.start();
        if (tasks instanceof QueuedTaskRunner queued) {
            queued.runAll();
        }
        api.calls.clear();
    }

    public static Harness inline() {
        return new Harness(new InlineTaskRunner());
    }
}
