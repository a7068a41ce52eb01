package io.jenkins.plugins.imagestreams.core.model;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of a tag's history, newest first in {@link TagHistory}: OpenShift's {@code TagEvent}, with an
 * audit record of who or what moved the tag.
 *
 * @param created when the tag was set to this digest
 * @param digest the manifest digest, {@code sha256:<64 hex>}; for an index, the index's own digest
 * @param pullSpec the pullable reference, e.g. {@code quay.io/org/app@sha256:…}
 * @param generation the tag's generation when the entry was recorded
 * @param cause why the entry was recorded
 * @param user who asked for it: a Jenkins user ID, {@code SYSTEM} for the poller; never a secret
 * @param platformDigests for an index imported with {@code PreserveOriginal}: each platform's child digest,
 *     keyed by normalised platform ({@code linux/arm64}); empty otherwise
 */
public record TagEvent(
        Instant created,
        Digest digest,
        String pullSpec,
        long generation,
        TagEventCause cause,
        String user,
        Map<String, Digest> platformDigests) {
    /** The user recorded for the poller and other automatic work. */
    public static final String SYSTEM = "SYSTEM";

    /** Validates and copies the record. */
    public TagEvent {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(pullSpec, "pullSpec");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(user, "user");
        platformDigests = Map.copyOf(new TreeMap<>(platformDigests));
    }

    /**
     * Returns the child digest for one platform.
     *
     * @param platform the platform
     * @return the child digest whose platform matches, or the entry's own digest when the entry has no
     *     children (a single-platform image)
     */
    public Digest digestFor(final Platform platform) {
        if (platformDigests.isEmpty()) {
            return digest;
        }
        return platformDigests.entrySet().stream()
                .filter(e -> Platform.parse(e.getKey()).matches(platform))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(digest);
    }

    /**
     * Whether two entries give the same image for each of some platforms: the rule that an index whose selected
     * platforms' children are unchanged does not count as a change for triggering.
     *
     * @param platforms the selected platforms; empty selects the whole image (the entries' own digests)
     * @param other the other entry
     * @return true when {@link #digestFor} agrees for every platform, or, with no platform, when the digests are
     *     equal
     */
    public boolean sameFor(final List<Platform> platforms, final TagEvent other) {
        if (platforms.isEmpty()) {
            return digest.equals(other.digest);
        }
        return platforms.stream().allMatch(p -> digestFor(p).equals(other.digestFor(p)));
    }
}
