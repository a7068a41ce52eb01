package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.Names;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.store.StatusStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The one service that steps, the UI, REST, the importer and the command line call. Every operation is
 * linearizable per stream (one lock per stream), validates before it changes anything, and writes the new
 * status to the {@link StatusStore} before it becomes visible; a failed write leaves the old status current.
 *
 * <p>Operations are idempotent: repeating one gives a {@link TagResult} with {@code changed == false} and
 * records nothing. Every {@link InvalidValueException} names the field and the rule, and changes no state.
 */
public final class ImageStreams {
    private final ImageStreamSpecs specs;
    private final StatusStore store;
    private final Clock clock;
    private final ProtectedDigests protectedDigests;
    private final Map<String, ImageStreamStatus> cache = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final SourceResolver resolver;
    private final TagOperations operations;

    /**
     * Creates the service.
     *
     * @param specs the spec port
     * @param store the status store
     * @param clock the clock for every timestamp
     * @param protectedDigests digests that retention must keep, beyond those the specs pin
     */
    public ImageStreams(
            final ImageStreamSpecs specs,
            final StatusStore store,
            final Clock clock,
            final ProtectedDigests protectedDigests) {
        this.specs = specs;
        this.store = store;
        this.clock = clock;
        this.protectedDigests = protectedDigests;
        this.resolver = new SourceResolver(specs, this::status);
        this.operations = new TagOperations(specs, resolver, clock, this::protectedIn);
    }

    /**
     * Returns the current status of a stream, loading it from the store on first use.
     *
     * @param stream the stream name
     * @return the status; an empty one when nothing is stored
     * @throws InvalidValueException if the name is not a valid stream name
     */
    public ImageStreamStatus status(final String stream) {
        Names.requireStreamName("stream", stream);
        return cache.computeIfAbsent(stream, s -> store.load(s).orElseGet(() -> ImageStreamStatus.empty(s)));
    }

    /**
     * Returns the current entry of a tag, following aliases.
     *
     * @param stream the stream name
     * @param tag the tag name
     * @return the entry holding the current digest, or empty when the tag has none yet
     * @throws InvalidValueException if the stream is not defined or a name is invalid
     */
    public Optional<TagEvent> current(final String stream, final String tag) {
        requireStream(stream);
        Names.requireTagName("tag", tag);
        return resolver.current(stream, tag);
    }

    /**
     * Returns a tag's history, newest first; for an alias, its target's history.
     *
     * @param stream the stream name
     * @param tag the tag name
     * @return the entries, newest first; empty when the tag has none
     * @throws InvalidValueException if the stream is not defined or a name is invalid
     */
    public List<TagEvent> history(final String stream, final String tag) {
        return tagStatus(stream, tag).map(TagHistory::items).orElse(List.of());
    }

    /**
     * Returns a tag's status (history, condition, counters); for an alias, its target's.
     *
     * @param stream the stream name
     * @param tag the tag name
     * @return the status, or empty when the tag has none
     * @throws InvalidValueException if the stream is not defined or a name is invalid
     */
    public Optional<TagHistory> tagStatus(final String stream, final String tag) {
        requireStream(stream);
        Names.requireTagName("tag", tag);
        return status(stream).tag(resolver.resolveAlias(stream, tag));
    }

    /**
     * Copies a digest to a tag, or makes the tag an alias (see {@link TagRequest}).
     *
     * @param request what to tag
     * @return what changed
     * @throws InvalidValueException if a stream or tag is unknown, the source has no digest, or the request
     *     breaks an alias rule
     */
    public TagResult tag(final TagRequest request) {
        requireStream(request.sourceStream());
        return mutate(request.stream(), status -> operations.tag(status, request));
    }

    /**
     * Sets a tag to a digest from its own history, recording a new entry with cause {@code rollback}.
     *
     * @param stream the stream name
     * @param tag the tag name; not an alias
     * @param target which entry to return to
     * @param user who asks
     * @return what changed; unchanged when the entry's digest is already current
     * @throws InvalidValueException if the tag is unknown or an alias, or the history holds no such entry
     */
    public TagResult rollback(final String stream, final String tag, final RollbackTarget target, final String user) {
        return mutate(stream, status -> operations.rollback(status, tag, target, user));
    }

    /**
     * Records a digest that a pipeline has just pushed, with cause {@code recordPush}.
     *
     * @param stream the stream name
     * @param tag the tag name; created when the spec and status do not have it yet
     * @param pushed the pushed image, with its digest, e.g. {@code registry.example.com/app@sha256:…}
     * @param platformDigests for an index: each platform's child digest; empty otherwise
     * @param user who pushed
     * @return what changed
     * @throws InvalidValueException if the reference has no digest, or the tag is an alias
     */
    public TagResult recordPush(
            final String stream,
            final String tag,
            final ImageReference pushed,
            final Map<String, Digest> platformDigests,
            final String user) {
        return mutate(stream, status -> operations.recordPush(status, tag, pushed, platformDigests, user));
    }

    /**
     * Deletes a tag that is not in the spec; its status moves to the archive.
     *
     * @param stream the stream name
     * @param tag the tag name
     * @return the tag's last digest before the deletion, with {@code changed == true}
     * @throws InvalidValueException if the tag is in the spec, is the target of an alias, or has no status
     */
    public TagResult deleteTag(final String stream, final String tag) {
        return mutate(stream, status -> operations.deleteTag(status, tag));
    }

    /**
     * Asks for an import of a scheduled or registry tag ("import now"). Idempotent: while an import is
     * pending, asking again changes nothing.
     *
     * @param stream the stream name
     * @param tag the tag name; must have a registry source in the spec
     * @return the {@code importRequested} counter to wait for
     * @throws InvalidValueException if the tag does not import from a registry
     */
    public long requestImport(final String stream, final String tag) {
        return mutate(stream, status -> {
            Outcome<TagResult> outcome = operations.requestImport(status, tag);
            long requested = outcome.status().tag(tag).orElseThrow().importRequested();
            return new Outcome<>(outcome.status(), requested);
        });
    }

    /**
     * Applies the outcome of an import: a new digest is recorded (cause from the outcome), a failure only sets
     * the condition and keeps the last good digest current.
     *
     * @param stream the stream name
     * @param tag the tag name; must have a registry source in the spec
     * @param outcome what the registry said
     * @return what changed
     * @throws InvalidValueException if the tag does not import from a registry
     */
    public TagResult applyImport(final String stream, final String tag, final ImportOutcome outcome) {
        return mutate(stream, status -> operations.applyImport(status, tag, outcome));
    }

    /**
     * Brings a stream's status in line with its spec, with no registry request: new spec generations,
     * copies and pins resolved, tags removed from the spec archived.
     *
     * @param stream the stream name
     * @return one result per tag whose digest changed
     * @throws InvalidValueException if the stream is not defined
     */
    public List<TagResult> reconcile(final String stream) {
        ImageStream spec = requireStream(stream);
        return mutate(stream, status -> operations.reconcile(status, spec));
    }

    private ImageStream requireStream(final String stream) {
        Names.requireStreamName("stream", stream);
        return specs.find(stream)
                .orElseThrow(() -> new InvalidValueException("stream", "must name a defined ImageStream", stream));
    }

    private Set<Digest> protectedIn(final String stream) {
        return protectedDigests.protectedIn(stream);
    }

    private <R> R mutate(final String stream, final Function<ImageStreamStatus, Outcome<R>> op) {
        requireStream(stream);
        ReentrantLock lock = locks.computeIfAbsent(stream, s -> new ReentrantLock());
        lock.lock();
        try {
            ImageStreamStatus before = status(stream);
            Outcome<R> outcome = op.apply(before);
            if (outcome.status() != before) {
                store.save(outcome.status());
                cache.put(stream, outcome.status());
            }
            return outcome.result();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new status and the result to report.
     *
     * @param status the status after the operation; the same instance when nothing changed
     * @param result what the caller sees
     * @param <R> the type of the result
     */
    record Outcome<R>(ImageStreamStatus status, R result) {}

    /** Digests that retention must keep for reasons outside the specs, such as trigger state. */
    @FunctionalInterface
    public interface ProtectedDigests {
        /** Protects nothing beyond the specs. */
        ProtectedDigests NONE = stream -> Set.of();

        /**
         * Returns the digests to keep in one stream.
         *
         * @param stream the stream name
         * @return the digests
         */
        Set<Digest> protectedIn(String stream);
    }

    static TagEvent event(
            final Clock clock,
            final TagEvent source,
            final long generation,
            final TagEventCause cause,
            final String user) {
        return new TagEvent(
                clock.instant(), source.digest(), source.pullSpec(), generation, cause, user, source.platformDigests());
    }
}
