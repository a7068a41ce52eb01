package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import io.jenkins.plugins.imagestreams.core.registry.TagList;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic in-memory registry port that counts its calls: what each reference points to, failures to
 * throw, and the instant and options of every resolve.
 */
public final class FakeRegistry implements RegistryClient {
    private final Clock clock;
    private final Map<String, ResolvedImage> images = new ConcurrentHashMap<>();
    private final Map<String, RegistryException> failures = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile boolean recordCalls = true;
    private final AtomicInteger resolves = new AtomicInteger();
    private volatile long latencyMillis;

    /**
     * Creates the registry.
     *
     * @param clock gives the instant recorded for each call
     */
    public FakeRegistry(final Clock clock) {
        this.clock = clock;
    }

    /** One resolve: what was asked, when, and with which known digest. */
    public record Call(String reference, Instant at, Optional<Digest> knownDigest, RegistryCredentials credentials) {}

    /**
     * Makes every resolve take some real time, to observe concurrency.
     *
     * @param millis the latency
     */
    public void latency(final long millis) {
        latencyMillis = millis;
    }

    /** Stops keeping the list of calls (benchmarks); the count is still kept. */
    public void keepNoCallList() {
        recordCalls = false;
    }

    /**
     * Points a reference at a single-platform manifest.
     *
     * @param reference e.g. {@code registry.example.com/team/app:1}
     * @param digest the digest
     */
    public void put(final String reference, final Digest digest) {
        put(reference, digest, Map.of());
    }

    /**
     * Points a reference at an index.
     *
     * @param reference the reference
     * @param digest the index digest
     * @param platforms child digests by platform; empty for a single manifest
     */
    public void put(final String reference, final Digest digest, final Map<String, Digest> platforms) {
        String key = ImageReference.parse(reference).toString();
        String type = platforms.isEmpty() ? "application/vnd.oci.image.manifest.v1+json" : ResolvedImage.OCI_INDEX;
        images.put(key, new ResolvedImage(digest, type, platforms, true, OptionalInt.empty(), Optional.empty()));
        failures.remove(key);
    }

    /**
     * Makes resolves of a reference fail.
     *
     * @param reference the reference
     * @param failure what to throw
     */
    public void fail(final String reference, final RegistryException failure) {
        failures.put(ImageReference.parse(reference).toString(), failure);
    }

    /**
     * Makes resolves of a reference succeed again.
     *
     * @param reference the reference
     */
    public void heal(final String reference) {
        failures.remove(ImageReference.parse(reference).toString());
    }

    @Override
    public ResolvedImage resolve(
            final ImageReference reference, final RegistryCredentials credentials, final ResolveOptions options)
            throws RegistryException {
        resolves.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            sleepLatency();
            String key = reference.toString();
            if (recordCalls) {
                calls.add(new Call(key, clock.instant(), options.knownDigest(), credentials));
            }
            RegistryException failure = failures.get(key);
            if (failure != null) {
                throw failure;
            }
            ResolvedImage image = images.get(key);
            if (image == null) {
                throw new RegistryException(
                        io.jenkins.plugins.imagestreams.core.model.ConditionReason.NotFound,
                        reference.registry() + ": " + key + " not found",
                        Optional.empty());
            }
            boolean unchanged = options.knownDigest().equals(Optional.of(image.digest()));
            return unchanged && image.isIndex()
                    ? new ResolvedImage(
                            image.digest(), image.mediaType(), Map.of(), false, OptionalInt.empty(), Optional.empty())
                    : image;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void sleepLatency() {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public TagList listTags(
            final ImageReference repository, final RegistryCredentials credentials, final ResolveOptions options) {
        throw new UnsupportedOperationException("the importer never lists tags");
    }

    /**
     * Returns the resolves so far.
     *
     * @return a copy of the calls, in call order
     */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * Returns how many resolves were made.
     *
     * @return the count
     */
    public int resolveCount() {
        return resolves.get();
    }

    /**
     * Returns the most resolves in flight at once.
     *
     * @return the maximum
     */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Forgets the calls and counts. */
    public void reset() {
        calls.clear();
        resolves.set(0);
        maxInFlight.set(0);
    }
}
