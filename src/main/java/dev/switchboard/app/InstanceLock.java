package dev.switchboard.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One embedded server per data directory. The first desktop holds a lock file there and writes
 * its server's address next to it; a second desktop finds the lock taken and can offer to connect
 * to that address instead of fighting over the database.
 */
final class InstanceLock implements AutoCloseable {
    private static final String LOCK = "instance.lock";
    private static final String ADDRESS = "server.url";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process holds it. */
    static Optional<InstanceLock> tryAcquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new InstanceLock(dir, ch, l));
        } catch (OverlappingFileLockException e) {
            ch.close();
            return Optional.empty();
        }
    }

    /** The address the holder of the lock published, if it did. */
    static Optional<String> publishedAddress(Path dir) {
        try {
            String s = Files.readString(dir.resolve(ADDRESS), StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void publish(String address) throws IOException {
        Files.writeString(dir.resolve(ADDRESS), address, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(dir.resolve(ADDRESS));
        lock.release();
        channel.close();
    }
}
