package io.jenkins.plugins.imagestreams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The events {@code watch} has reported, one JSON object per line in {@code <state>/events.jsonl}: each event is
 * appended and forced to disk before it is printed, and what was reported last (a tag's digest and condition, a
 * subscription's last fire) is rebuilt from this file at start. So a restart on the same state directory reports
 * each change once: changes already in the journal are not reported again, changes not yet in it are.
 *
 * <p>The journal also answers the triggerer's "does the job's own record already have this digest?" (see
 * {@link JournalScheduler}): the latest fire of a subscription is the job's record here.
 */
final class EventJournal implements AutoCloseable {
    static final String FILE = "events.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FileChannel channel;
    private final Consumer<String> printer;
    private final Map<String, String> digests = new HashMap<>();
    private final Map<String, Reported> conditions = new HashMap<>();
    private final Map<String, String> fires = new HashMap<>();

    /**
     * The condition last reported for a tag.
     *
     * @param status whether the last import succeeded
     * @param reason the failure reason, empty when it succeeded
     */
    record Reported(boolean status, Optional<String> reason) {
        /** What is assumed before any report: a tag imports fine until a failure is reported. */
        static final Reported SUCCESS = new Reported(true, Optional.empty());
    }

    private EventJournal(final FileChannel channel, final Consumer<String> printer) {
        this.channel = channel;
        this.printer = printer;
    }

    /**
     * Opens the journal of a state directory, reading what was reported before.
     *
     * @param directory the state directory
     * @param printer where each new event's line goes once it is on disk (standard output)
     * @param warnings told about lines that cannot be read (a write cut short by a crash)
     * @return the journal
     * @throws UncheckedIOException if the file cannot be read or opened
     */
    static EventJournal open(final Path directory, final Consumer<String> printer, final Consumer<String> warnings) {
        Path file = directory.resolve(FILE);
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            endLine(file, channel);
            EventJournal journal = new EventJournal(channel, printer);
            for (String line : lines) {
                try {
                    journal.remember(MAPPER.readTree(line));
                } catch (IOException e) {
                    warnings.accept(file + ": skipped an unreadable line (cut short by a crash?)");
                }
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be opened", e);
        }
    }

    /** Ends a line a crash cut short, so that the next event starts on a line of its own. */
    private static void endLine(final Path file, final FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            if (last.get(0) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
            }
        }
    }

    /**
     * Writes an event, forces it to disk, then prints it.
     *
     * @param event the event
     * @throws UncheckedIOException if it cannot be written; then nothing was printed
     */
    synchronized void append(final ObjectNode event) {
        String line = Json.line(event);
        try {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event journal", e);
        }
        remember(event);
        printer.accept(line);
    }

    synchronized Optional<String> reportedDigest(final String stream, final String tag) {
        return Optional.ofNullable(digests.get(key(stream, tag)));
    }

    synchronized Reported reportedCondition(final String stream, final String tag) {
        return conditions.getOrDefault(key(stream, tag), Reported.SUCCESS);
    }

    /**
     * Returns the digest a subscription last fired for.
     *
     * @param job the job's full name
     * @param stream the stream
     * @param tag the tag
     * @return the digest of the latest {@code subscriptionWouldFire} event, if any
     */
    synchronized Optional<Digest> lastFired(final String job, final String stream, final String tag) {
        return Optional.ofNullable(fires.get(key(job, stream, tag))).map(Digest::parse);
    }

    private void remember(final JsonNode event) {
        String type = event.path("event").asText();
        String tagKey = key(event.path("stream").asText(), event.path("tag").asText());
        switch (type) {
            case WatchEvents.TAG_MOVED ->
                digests.put(tagKey, event.path("newDigest").asText());
            case WatchEvents.CONDITION_CHANGED ->
                conditions.put(
                        tagKey,
                        new Reported(
                                event.path("status").asBoolean(),
                                event.path("reason").isTextual()
                                        ? Optional.of(event.path("reason").asText())
                                        : Optional.empty()));
            case WatchEvents.WOULD_FIRE ->
                fires.put(
                        key(
                                event.path("job").asText(),
                                event.path("stream").asText(),
                                event.path("tag").asText()),
                        event.path("newDigest").asText());
            default -> {
                // an event of a later version: nothing to remember
            }
        }
    }

    private static String key(final String... parts) {
        return String.join("\u0000", parts);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
