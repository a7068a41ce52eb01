package io.jenkins.plugins.imagestreams.core.store;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.Names;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link StatusStore} that keeps each stream's status in its own JSON file, {@code <directory>/<stream>.json},
 * in the versioned format of {@code docs/developer/status-format.md} (format version {@value
 * StatusCodec#FORMAT_VERSION}).
 *
 * <ul>
 *   <li><b>Crash safety.</b> {@link #save} writes a temporary file in the same directory, forces it to disk,
 *       renames it atomically over the stream's file and then forces the directory where the operating system
 *       allows it. After a crash the file holds the old status or the new one, never a torn one; a failed save
 *       leaves no temporary file behind.
 *   <li><b>Corrupt files.</b> A file that cannot be read back (not JSON, an unknown format version, an invalid
 *       value) is renamed, unchanged, to {@code <stream>.json.corrupt-<UTC time>} (e.g. {@code
 *       app.json.corrupt-20240501T101530.123Z}), reported to the {@link StoreProblems} reporter, and
 *       {@link #load} returns empty so the stream starts again from its spec.
 *   <li><b>Concurrency.</b> Safe for concurrent use by the threads of one process: calls for the same stream
 *       are serialised, calls for different streams run in parallel. Two processes must not share a
 *       directory.
 * </ul>
 *
 * <p>File names: most file systems allow 255 bytes per name, and a corrupt file's name adds {@value
 * #LONGEST_SUFFIX} characters, while a stream name may have 253. A stream name longer than {@value
 * #MAX_PLAIN_NAME_LENGTH} characters is therefore stored as {@code <first 100 characters>~<sha256 of the name,
 * 64 hex>.json}; {@code ~} cannot occur in a stream name, so the two forms never clash, and {@link #streams}
 * reads such a file's stream name from its {@code stream} field.
 *
 * <p>New files are created readable and writable by their owner only. The status holds no secret.
 */
public final class FileStatusStore implements StatusStore {
    /** The file name extension of a stream's status file. */
    public static final String EXTENSION = ".json";
    /** What follows {@code <stream>.json} in the name of a file kept aside as corrupt. */
    public static final String CORRUPT_MARKER = ".corrupt-";

    /** The longest stream name stored under its own name; longer ones get a hashed file name. */
    public static final int MAX_PLAIN_NAME_LENGTH = 200;
    /** {@code .json.corrupt-20240501T101530.123Z-999}: the most a corrupt file's name adds to the stream name. */
    static final int LONGEST_SUFFIX = 37;

    private static final int HASHED_PREFIX_LENGTH = 100;
    private static final char HASH_SEPARATOR = '~';
    private static final int MAX_KEEP_ASIDE_ATTEMPTS = 1000;
    private static final String TEMP_PREFIX = ".status-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final DateTimeFormatter CORRUPT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;
    private final StoreProblems problems;
    private final FileMover mover;
    private final StatusCodec codec = new StatusCodec();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * Creates a store. Nothing is read or created until the first call; {@link #save} creates the directory.
     *
     * @param directory the directory that holds one file per stream, e.g. {@code $JENKINS_HOME/imagestreams}
     * @param clock gives the time in the names of files kept aside as corrupt
     * @param problems told about each corrupt file
     */
    public FileStatusStore(final Path directory, final Clock clock, final StoreProblems problems) {
        this(directory, clock, problems, FileMover.ATOMIC);
    }

    /** Creates a store whose final rename step is replaced, for crash tests. */
    FileStatusStore(final Path directory, final Clock clock, final StoreProblems problems, final FileMover mover) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.mover = Objects.requireNonNull(mover, "mover");
    }

    /**
     * Returns the directory that holds the files.
     *
     * @return the absolute directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Reads one stream's status from {@code <directory>/<stream>.json}.
     *
     * @param stream the stream name
     * @return the status; empty when there is no file, or when the file was corrupt (it is then kept aside as
     *     {@code <stream>.json.corrupt-<UTC time>} and reported)
     * @throws InvalidValueException if the stream name is invalid
     * @throws StatusStoreException if the file cannot be read, or a corrupt file cannot be moved aside; the
     *     message names the file
     */
    @Override
    public Optional<ImageStreamStatus> load(final String stream) {
        Path file = fileFor(stream);
        synchronized (lockFor(stream)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new StatusStoreException("cannot read the status of stream '" + stream + "' from " + file, e);
            }
            try {
                return Optional.of(codec.read(bytes, stream));
            } catch (CorruptStatusException e) {
                Path keptAs = keepAside(stream, file);
                problems.corrupt(stream, keptAs, e.getMessage());
                return Optional.empty();
            }
        }
    }

    /**
     * Replaces one stream's status, atomically: either the old file or the new one survives a crash.
     *
     * @param status the status, written to {@code <directory>/<status.stream()>.json}
     * @throws InvalidValueException if the status cannot be written in format {@value StatusCodec#FORMAT_VERSION}
     * @throws StatusStoreException if the file cannot be written; the message names the file, the old file is
     *     unchanged and no temporary file remains
     */
    @Override
    public void save(final ImageStreamStatus status) {
        String stream = status.stream();
        Path file = fileFor(stream);
        byte[] bytes = codec.write(status);
        synchronized (lockFor(stream)) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new StatusStoreException("cannot create the status directory " + directory, e);
            }
            writeAtomically(stream, file, bytes);
        }
    }

    /**
     * Lists the streams that have a status file. Temporary files and files kept aside as corrupt are ignored.
     *
     * @return the stream names; empty when the directory does not exist
     * @throws StatusStoreException if the directory cannot be listed
     */
    @Override
    public Set<String> streams() {
        Set<String> streams = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + EXTENSION)) {
            for (Path file : files) {
                Path fileName = file.getFileName();
                String name = fileName == null ? "" : fileName.toString();
                String stream = name.substring(0, Math.max(0, name.length() - EXTENSION.length()));
                if (isStreamName(stream) && Files.isRegularFile(file)) {
                    streams.add(stream);
                } else if (stream.indexOf(HASH_SEPARATOR) > 0 && Files.isRegularFile(file)) {
                    hashedStreamName(file).ifPresent(streams::add);
                }
            }
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw new StatusStoreException("cannot list the status directory " + directory, e);
        }
        return Set.copyOf(streams);
    }

    private void writeAtomically(final String stream, final Path file, final byte[] bytes) {
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, TEMP_PREFIX, TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            mover.move(temp, file);
            syncDirectory();
        } catch (IOException e) {
            throw new StatusStoreException("cannot write the status of stream '" + stream + "' to " + file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Forces the directory entry of a rename to disk; not every operating system lets a directory be opened. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort: Windows, for one, cannot open a directory; the rename itself is still atomic
        }
    }

    private static void deleteQuietly(final Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the save already failed or succeeded; a leftover temporary file is ignored by streams() and load()
        }
    }

    /** The stream a hashed file belongs to, if it names one whose file name is this one; unreadable files are skipped. */
    private Optional<String> hashedStreamName(final Path file) {
        try {
            return codec.streamOf(Files.readAllBytes(file))
                    .filter(FileStatusStore::isStreamName)
                    .filter(stream -> fileName(stream).equals(String.valueOf(file.getFileName())));
        } catch (IOException e) {
            return Optional.empty(); // load() reports it when the stream is asked for
        }
    }

    /**
     * The file name of a stream's status.
     *
     * @param stream a valid stream name
     * @return {@code <stream>.json}, or {@code <first 100 characters>~<sha256 hex>.json} above {@value
     *     #MAX_PLAIN_NAME_LENGTH} characters
     */
    static String fileName(final String stream) {
        if (stream.length() <= MAX_PLAIN_NAME_LENGTH) {
            return stream + EXTENSION;
        }
        String hash = Digest.sha256Of(stream.getBytes(StandardCharsets.UTF_8)).hex();
        return stream.substring(0, HASHED_PREFIX_LENGTH) + HASH_SEPARATOR + hash + EXTENSION;
    }

    private Path keepAside(final String stream, final Path file) {
        String base = fileName(stream) + CORRUPT_MARKER + CORRUPT_TIME.format(clock.instant());
        for (int attempt = 0; attempt < MAX_KEEP_ASIDE_ATTEMPTS; attempt++) {
            Path keptAs = directory.resolve(attempt == 0 ? base : base + "-" + attempt);
            try {
                return Files.move(file, keptAs);
            } catch (FileAlreadyExistsException e) {
                // another corrupt file was kept aside in the same millisecond: try the next name
            } catch (IOException e) {
                throw new StatusStoreException(
                        "the status of stream '" + stream + "' in " + file + " is corrupt and cannot be moved aside",
                        e);
            }
        }
        throw new StatusStoreException(
                "the status of stream '" + stream + "' in " + file + " is corrupt and no free name to keep it aside",
                null);
    }

    private Path fileFor(final String stream) {
        Names.requireStreamName("stream name", stream);
        String name = fileName(stream);
        Path file = directory.resolve(name).normalize();
        Path fileName = file.getFileName();
        if (!directory.equals(file.getParent()) || fileName == null || !name.equals(fileName.toString())) {
            throw new InvalidValueException("stream name", "must name a file inside the status directory", stream);
        }
        return file;
    }

    private Object lockFor(final String stream) {
        return locks.computeIfAbsent(stream, key -> new Object());
    }

    private static boolean isStreamName(final String name) {
        return name.length() <= Names.MAX_STREAM_NAME_LENGTH
                && Names.STREAM_NAME.matcher(name).matches();
    }
}
