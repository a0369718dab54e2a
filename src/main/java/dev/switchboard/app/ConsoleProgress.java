package dev.switchboard.app;

import dev.switchboard.server.StartupProgress;

/** Prints start-up progress on one line per phase, at most every few percent. */
final class ConsoleProgress implements StartupProgress {
    private String phase = "";
    private long lastPercent = -1;

    @Override
    public synchronized void update(String phase, long done, long total) {
        long percent = total <= 0 ? 100 : done * 100 / total;
        if (!phase.equals(this.phase)) {
            this.phase = phase;
            lastPercent = -1;
        }
        if (percent >= lastPercent + 5 || percent == 100 && lastPercent != 100) {
            lastPercent = percent;
            System.out.printf("%s: %d%% (%,d of %,d)%n", phase, percent, done, total);
        }
    }
}
