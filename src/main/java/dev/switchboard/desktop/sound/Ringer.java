package dev.switchboard.desktop.sound;

/** Plays the short ring of a new offer. Never blocks the caller and never fails loudly. */
@FunctionalInterface
public interface Ringer {
    void ring();

    /** For windows without sound (the benchmark's headless desktops). */
    Ringer SILENT = () -> { };
}
