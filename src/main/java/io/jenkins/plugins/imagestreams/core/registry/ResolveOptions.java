package io.jenkins.plugins.imagestreams.core.registry;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call options of the registry port.
 *
 * @param knownDigest the digest recorded last time; when the registry still reports it, an index's children
 *     are not read again
 * @param insecure whether plain HTTP or unverified TLS may be used; the caller has checked the allowlist
 * @param deadline the overall time a call may take, retries and token requests included
 * @param maxPages the most pages {@link RegistryClient#listTags} follows
 */
public record ResolveOptions(Optional<Digest> knownDigest, boolean insecure, Duration deadline, int maxPages) {
    /** Secure, 30 seconds, 10 pages, nothing known. */
    public static final ResolveOptions DEFAULT =
            new ResolveOptions(Optional.empty(), false, Duration.ofSeconds(30), 10);

    /** Validates the record. */
    public ResolveOptions {
        Objects.requireNonNull(knownDigest, "knownDigest");
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
    }

    /**
     * Returns a copy with the known digest set.
     *
     * @param digest the digest recorded last time
     * @return the copy
     */
    public ResolveOptions withKnownDigest(final Digest digest) {
        return new ResolveOptions(Optional.of(digest), insecure, deadline, maxPages);
    }
}
