package io.jenkins.plugins.imagestreams.core.triggering;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.store.StoreProblems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SubscriptionStore} with one JSON file per job, {@code <directory>/<first 40 hex of sha256(job)>.json},
 * in the format of {@link SubscriptionCodec} (the job's full name is stored inside, and checked on read).
 *
 * <ul>
 *   <li><b>Crash safety.</b> {@link #save} writes a temporary file in the directory, forces it to disk, renames it
 *       atomically over the job's file and forces the directory where the operating system allows it: after a
 *       crash the file holds all the states of a save or none of them.
 *   <li><b>Corrupt files.</b> A file that cannot be read back is renamed, unchanged, to
 *       {@code <file>.corrupt-<UTC time>}, reported to the {@link StoreProblems} reporter (with the job's name in
 *       place of a stream name), and the job starts with no state, so its subscriptions take their first-run
 *       policy again.
 *   <li><b>Renames.</b> {@link #rename} writes the new file (with the new name inside) before it deletes the old
 *       one: a crash in between leaves a stale old file, which is only read again if a job of that name appears.
 *   <li><b>Caching.</b> The files are read once and cached; this store must be the only writer of its directory.
 * </ul>
 */
public final class FileSubscriptionStore implements SubscriptionStore {
    private static final String EXTENSION = ".json";
    private static final int NAME_HEX = 40;
    private static final DateTimeFormatter CORRUPT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;
    private final StoreProblems problems;
    private final SubscriptionCodec codec = new SubscriptionCodec();
    private final Map<String, Map<SubscriptionKey, SubscriptionState>> cache = new ConcurrentHashMap<>();

    /**
     * Creates a store; nothing is read or created until the first call.
     *
     * @param directory the directory of the job files, e.g. {@code $JENKINS_HOME/imagestreams-triggers}
     * @param clock gives the time in the names of files kept aside as corrupt
     * @param problems told about each corrupt file
     */
    public FileSubscriptionStore(final Path directory, final Clock clock, final StoreProblems problems) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /**
     * Returns the file of a job.
     *
     * @param jobFullName the job's full name
     * @return {@code <directory>/<40 hex>.json}
     */
    public Path fileFor(final String jobFullName) {
        String hex =
                Digest.sha256Of(jobFullName.getBytes(StandardCharsets.UTF_8)).hex();
        return directory.resolve(hex.substring(0, NAME_HEX) + EXTENSION);
    }

    @Override
    public Map<SubscriptionKey, SubscriptionState> load(final String jobFullName) {
        synchronized (this) {
            return cache.computeIfAbsent(jobFullName, this::read);
        }
    }

    @Override
    public void save(final String jobFullName, final Map<SubscriptionKey, SubscriptionState> states) {
        SubscriptionStates.requireJob(jobFullName, states);
        synchronized (this) {
            Map<SubscriptionKey, SubscriptionState> next = new HashMap<>(load(jobFullName));
            next.putAll(states);
            writeAtomically(jobFullName, codec.write(jobFullName, next));
            cache.put(jobFullName, Map.copyOf(next));
        }
    }

    @Override
    public void remove(final String jobFullName) {
        synchronized (this) {
            try {
                Files.deleteIfExists(fileFor(jobFullName));
            } catch (IOException e) {
                throw new SubscriptionStoreException("cannot remove " + fileFor(jobFullName), e);
            }
            cache.remove(jobFullName);
        }
    }

    @Override
    public void rename(final String oldJobFullName, final String newJobFullName) {
        if (oldJobFullName.equals(newJobFullName)) {
            return;
        }
        synchronized (this) {
            Map<SubscriptionKey, SubscriptionState> moved =
                    SubscriptionStates.renamed(load(oldJobFullName), newJobFullName);
            if (moved.isEmpty()) {
                remove(newJobFullName);
                return;
            }
            writeAtomically(newJobFullName, codec.write(newJobFullName, moved));
            cache.put(newJobFullName, moved);
            remove(oldJobFullName);
        }
    }

    private Map<SubscriptionKey, SubscriptionState> read(final String jobFullName) {
        Path file = fileFor(jobFullName);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new SubscriptionStoreException(
                    "cannot read the subscriptions of job '" + jobFullName + "' from " + file, e);
        }
        try {
            return Map.copyOf(codec.read(bytes, jobFullName));
        } catch (SubscriptionCodec.CorruptException e) {
            Path keptAs = file.resolveSibling(file.getFileName() + ".corrupt-" + CORRUPT_TIME.format(clock.instant()));
            try {
                Files.move(file, keptAs);
            } catch (IOException moveFailure) {
                throw new SubscriptionStoreException(
                        "the subscriptions in " + file + " are corrupt and cannot be " + "moved aside", moveFailure);
            }
            problems.corrupt(jobFullName, keptAs, e.getMessage());
            return Map.of();
        }
    }

    private void writeAtomically(final String jobFullName, final byte[] bytes) {
        Path file = fileFor(jobFullName);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, ".subscriptions-", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            forceDirectory();
        } catch (IOException e) {
            throw new SubscriptionStoreException(
                    "cannot write the subscriptions of job '" + jobFullName + "' to " + file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort: not every operating system opens a directory; the rename itself is atomic
        }
    }

    private static void deleteQuietly(@CheckForNull final Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the save failed already; a leftover temporary file is never read
        }
    }
}
