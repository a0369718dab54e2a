package dev.switchboard.server;

/** How far a starting server has got (generating demo data can take a while for large sizes). */
@FunctionalInterface
public interface StartupProgress {
    void update(String phase, long done, long total);
}
