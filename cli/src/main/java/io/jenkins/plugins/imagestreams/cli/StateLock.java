package io.jenkins.plugins.imagestreams.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a state directory to one watch: an exclusive lock on {@code <state>/.lock}, released when closed or when the
 * process ends. The core's file stores must be the only writers of their directories.
 */
final class StateLock implements AutoCloseable {
    private final FileChannel channel;

    private StateLock(final FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Locks a state directory.
     *
     * @param directory the state directory
     * @return the lock
     * @throws CliFailure (usage) when the directory cannot be locked or another watch holds it
     */
    static StateLock acquire(final Path directory) {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw CliFailure.usage("--state " + directory + ": cannot be locked: " + e.getMessage());
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was locked
            }
            throw CliFailure.usage("--state " + directory + ": another watch is using this directory");
        }
        return new StateLock(channel);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
