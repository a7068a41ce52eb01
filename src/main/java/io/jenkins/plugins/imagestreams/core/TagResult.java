package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an operation on a tag did: the digest before and after, and whether anything changed. Repeating an
 * operation gives {@code changed == false} and records nothing.
 *
 * @param stream the stream name
 * @param tag the tag name
 * @param previousDigest the digest before the operation, if the tag had one
 * @param digest the digest after the operation, if the tag has one
 * @param pullSpec the pullable reference of {@code digest}, e.g. {@code quay.io/org/app@sha256:…}; empty if none
 * @param changed whether the operation recorded a new history entry
 */
public record TagResult(
        String stream,
        String tag,
        Optional<Digest> previousDigest,
        Optional<Digest> digest,
        String pullSpec,
        boolean changed) {
    /**
     * Returns the result as plain strings, the shape pipeline steps return and REST serialises.
     *
     * @return a map with keys {@code stream}, {@code tag}, {@code previousDigest}, {@code digest},
     *     {@code pullSpec} and {@code changed}; absent digests are empty strings
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("stream", stream);
        map.put("tag", tag);
        map.put("previousDigest", previousDigest.map(Digest::toString).orElse(""));
        map.put("digest", digest.map(Digest::toString).orElse(""));
        map.put("pullSpec", pullSpec);
        map.put("changed", changed);
        return map;
    }
}
