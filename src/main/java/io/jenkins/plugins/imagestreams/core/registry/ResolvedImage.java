package io.jenkins.plugins.imagestreams.core.registry;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a registry said a reference points to.
 *
 * @param digest the manifest digest, {@code sha256:<64 hex>}; for an index or manifest list, the index's own
 * @param mediaType the stored media type, e.g. {@code application/vnd.oci.image.index.v1+json}
 * @param platformDigests for an index whose digest was new: each platform's child digest, keyed by normalised
 *     platform ({@code linux/arm64}); empty for a single manifest, or for an index equal to the known digest
 * @param childrenRead whether {@code platformDigests} was read (false when the index was unchanged)
 * @param rateLimitRemaining Docker Hub's {@code ratelimit-remaining}, when the registry sent it
 * @param retryAfterHint a {@code Retry-After} sent on a successful response, if any
 */
public record ResolvedImage(
        Digest digest,
        String mediaType,
        Map<String, Digest> platformDigests,
        boolean childrenRead,
        OptionalInt rateLimitRemaining,
        Optional<java.time.Instant> retryAfterHint) {
    /** The OCI image index media type. */
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    /** The Docker manifest list media type. */
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    /** Validates and copies the record. */
    public ResolvedImage {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(mediaType, "mediaType");
        platformDigests = Map.copyOf(platformDigests);
        Objects.requireNonNull(rateLimitRemaining, "rateLimitRemaining");
        Objects.requireNonNull(retryAfterHint, "retryAfterHint");
    }

    /**
     * Whether the manifest is an index or a manifest list.
     *
     * @return true for the two multi-platform media types
     */
    public boolean isIndex() {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
    }
}
