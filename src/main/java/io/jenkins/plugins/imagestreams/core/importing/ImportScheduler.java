package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a registry tag is due for an import: a pure function of the stream's spec, the tag's spec and
 * status, the last attempt and the time. It holds no state and reads no clock.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>A tag whose source needs no registry request (alias, copy, pin) is {@link ImportReason#NOT_SCHEDULED}.
 *   <li>A paused stream is {@link ImportReason#PAUSED}, even when an import was requested.
 *   <li>While the registry's wait runs ({@code Retry-After} of the last attempt or of the persisted condition, or
 *       the pause after a low {@code ratelimit-remaining}), the tag is {@link ImportReason#RATE_LIMITED}, even
 *       when an import was requested.
 *   <li>A pending "import now" ({@code importRequested > importObserved}) is due at once:
 *       {@link ImportReason#IMPORT_REQUESTED}. It bypasses the interval and the backoff, not the caps.
 *   <li>A tag that is not scheduled is imported until it has a digest, then {@link ImportReason#NOT_SCHEDULED}.
 *   <li>After {@code n} consecutive failures the tag waits {@link SchedulerPolicy#backoff(int)} since the last
 *       attempt ({@link ImportReason#BACKOFF}), then is due ({@link ImportReason#RETRY}).
 *   <li>Otherwise each tag owns a slot in every interval: the instants {@code k * interval + offset} since the
 *       epoch, where {@code offset} is a deterministic hash of stream and tag in {@code [0, interval)}. The tag is
 *       due ({@link ImportReason#DUE}) when its last attempt precedes the latest slot, so tags spread evenly
 *       over the interval and keep their place across restarts; its {@code dueAt} is the first slot it missed,
 *       so a tag the caps deferred keeps its place in the line. With no attempt known it is due at once
 *       ({@link ImportReason#FIRST_ATTEMPT}, {@code dueAt} the epoch: served before tags already imported).
 * </ol>
 */
public final class ImportScheduler {
    private final SchedulerPolicy policy;

    /**
     * Creates the scheduler.
     *
     * @param policy backoff and rate-limit tunables
     */
    public ImportScheduler(final SchedulerPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Returns the policy.
     *
     * @return the backoff and rate-limit tunables
     */
    public SchedulerPolicy policy() {
        return policy;
    }

    /**
     * Decides whether a tag is due.
     *
     * @param stream the stream's spec (interval, pause)
     * @param tag the tag's spec
     * @param status the tag's status, empty before its first import
     * @param last the last attempts, {@link ImportRecord#NONE} when none is known
     * @param now the time of the decision
     * @return the decision; {@code nextDelay} is zero when due
     */
    public ImportDecision decide(
            final ImageStream stream,
            final TagReference tag,
            final Optional<TagHistory> status,
            final ImportRecord last,
            final Instant now) {
        if (!tag.from().needsRegistry()) {
            return ImportDecision.waitUntil(ImportReason.NOT_SCHEDULED, now, now.plus(stream.importInterval()));
        }
        if (stream.paused()) {
            return ImportDecision.waitUntil(ImportReason.PAUSED, now, now.plus(stream.importInterval()));
        }
        Optional<Instant> floor = registryFloor(status, last);
        if (floor.isPresent() && floor.get().isAfter(now)) {
            return ImportDecision.waitUntil(ImportReason.RATE_LIMITED, now, floor.get());
        }
        if (status.map(TagHistory::importPending).orElse(false)) {
            return ImportDecision.due(ImportReason.IMPORT_REQUESTED, now);
        }
        boolean hasDigest = status.flatMap(TagHistory::current).isPresent();
        if (!tag.isScheduled() && hasDigest) {
            return ImportDecision.waitUntil(ImportReason.NOT_SCHEDULED, now, now.plus(stream.importInterval()));
        }
        return scheduled(stream, tag, last, now);
    }

    private ImportDecision scheduled(
            final ImageStream stream, final TagReference tag, final ImportRecord last, final Instant now) {
        if (last.lastAttempt().isEmpty()) {
            return ImportDecision.due(ImportReason.FIRST_ATTEMPT, Instant.EPOCH);
        }
        Instant slot = latestSlot(stream, tag.name(), now);
        Instant attempt = last.lastAttempt().get();
        if (last.consecutiveFailures() > 0) {
            Instant retryAt = attempt.plus(policy.backoff(last.consecutiveFailures()));
            return retryAt.isAfter(now)
                    ? ImportDecision.waitUntil(ImportReason.BACKOFF, now, retryAt)
                    : ImportDecision.due(ImportReason.RETRY, retryAt);
        }
        if (!tag.isScheduled()) {
            return ImportDecision.due(ImportReason.RETRY, attempt);
        }
        if (attempt.isBefore(slot)) {
            Instant firstMissed = latestSlot(stream, tag.name(), attempt).plus(stream.importInterval());
            return ImportDecision.due(ImportReason.DUE, firstMissed);
        }
        return ImportDecision.waitUntil(ImportReason.NOT_YET, now, slot.plus(stream.importInterval()));
    }

    private static Optional<Instant> registryFloor(final Optional<TagHistory> status, final ImportRecord last) {
        Optional<Instant> persisted =
                status.flatMap(TagHistory::condition).filter(c -> !c.status()).flatMap(TagCondition::retryAfter);
        if (persisted.isEmpty()) {
            return last.notBefore();
        }
        if (last.notBefore().isEmpty()) {
            return persisted;
        }
        return Optional.of(
                persisted.get().isAfter(last.notBefore().get())
                        ? persisted.get()
                        : last.notBefore().get());
    }

    /**
     * Returns the latest slot of a tag at or before a time.
     *
     * @param stream the stream's spec (its interval)
     * @param tag the tag name
     * @param now the time
     * @return the instant {@code k * interval + offset(stream, tag)} at or before {@code now}
     */
    public static Instant latestSlot(final ImageStream stream, final String tag, final Instant now) {
        long interval = stream.importInterval().toMillis();
        long offset = offset(stream.name(), tag, stream.importInterval()).toMillis();
        long k = Math.floorDiv(now.toEpochMilli() - offset, interval);
        return Instant.ofEpochMilli(k * interval + offset);
    }

    /**
     * Returns the deterministic jitter of a tag: where in each interval its slot lies.
     *
     * @param stream the stream name
     * @param tag the tag name
     * @param interval the stream's interval
     * @return an offset in {@code [0, interval)}, millisecond precision, the same in every JVM
     */
    public static Duration offset(final String stream, final String tag, final Duration interval) {
        long mixed = mix(stream.hashCode() * 0x9E3779B97F4A7C15L + tag.hashCode());
        return Duration.ofMillis(Math.floorMod(mixed, interval.toMillis()));
    }

    /** The 64-bit finaliser of MurmurHash3: spreads nearby inputs over the whole range. */
    private static long mix(final long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53e83L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * Returns the record after a successful resolve, with a pause when the registry's budget runs low.
     *
     * @param at when the attempt started
     * @param resolved what the registry said
     * @return the record: no failures, and {@code notBefore} set from {@code Retry-After} or a low
     *     {@code ratelimit-remaining}
     */
    public ImportRecord afterSuccess(final Instant at, final ResolvedImage resolved) {
        Optional<Instant> floor = resolved.retryAfterHint();
        if (resolved.rateLimitRemaining().isPresent()
                && resolved.rateLimitRemaining().getAsInt() <= policy.lowRemaining()) {
            Instant pause = at.plus(policy.lowRemainingPause());
            floor = Optional.of(floor.filter(f -> f.isAfter(pause)).orElse(pause));
        }
        return ImportRecord.success(at, floor, resolved.rateLimitRemaining());
    }

    /**
     * Returns the record after a failed resolve.
     *
     * @param last the record before
     * @param at when the attempt started
     * @param failure the typed failure
     * @return the record with one more failure and the registry's {@code Retry-After}
     */
    public ImportRecord afterFailure(final ImportRecord last, final Instant at, final RegistryException failure) {
        return last.failed(at, failure.retryAfter());
    }

    /**
     * Returns the digest to send as {@code knownDigest}: what the registry reported last time.
     *
     * @param status the tag's status
     * @return the last imported digest, else the current digest, else empty
     */
    public static Optional<Digest> knownDigest(final Optional<TagHistory> status) {
        return status.flatMap(h -> h.lastImportedDigest().or(() -> h.current().map(e -> e.digest())));
    }
}
