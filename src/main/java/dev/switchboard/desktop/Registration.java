package dev.switchboard.desktop;

/** Something that was registered (a listener, a handler) and can be taken back. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
