package io.jenkins.plugins.imagestreams.testing.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link LocalRegistry#pushIndex} pushed: the digest of the index (or manifest list) and the digest of each
 * per-platform child.
 *
 * @param digest the index digest, {@code sha256:<64 hex>}, computed from the exact bytes PUT
 * @param childDigests platform ({@code os/arch[/variant]}, as passed to {@code pushIndex}) to child digest
 *     ({@code sha256:<64 hex>}), in the order the platforms were given
 */
public record PushedIndex(String digest, Map<String, String> childDigests) {

    /** Copies the map, keeping its order. */
    public PushedIndex {
        Objects.requireNonNull(digest, "digest");
        childDigests = Collections.unmodifiableMap(new LinkedHashMap<>(childDigests));
    }

    /**
     * @param platform a platform as passed to {@code pushIndex}, e.g. {@code linux/arm64/v8}
     * @return the digest of that platform's child, {@code sha256:<64 hex>}
     * @throws IllegalArgumentException if the index has no such platform
     */
    public String childDigest(String platform) {
        String child = childDigests.get(platform);
        if (child == null) {
            throw new IllegalArgumentException("No child for platform " + platform + " in " + childDigests.keySet());
        }
        return child;
    }
}
