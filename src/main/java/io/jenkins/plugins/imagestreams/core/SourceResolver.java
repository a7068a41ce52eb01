package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Resolves stream tags and stream images to the history entry that holds their digest, without any registry
 * request: copies, aliases and pins only ever read status.
 */
final class SourceResolver {
    private final ImageStreamSpecs specs;
    private final Function<String, ImageStreamStatus> statuses;

    SourceResolver(final ImageStreamSpecs specs, final Function<String, ImageStreamStatus> statuses) {
        this.specs = specs;
        this.statuses = statuses;
    }

    /**
     * Returns the tag whose history an alias shows, following spec aliases and aliases made by operations.
     *
     * @param stream the stream
     * @param tag the tag
     * @return the end of the alias chain; the tag itself when it is not an alias
     */
    String resolveAlias(final String stream, final String tag) {
        Optional<ImageStream> spec = specs.find(stream);
        ImageStreamStatus status = statuses.apply(stream);
        String current = tag;
        for (int hops = 0; hops <= status.tags().size() + 1; hops++) {
            String from = current;
            String viaSpec = spec.map(s -> s.resolveAlias(from)).orElse(from);
            Optional<String> viaStatus = status.tag(viaSpec).flatMap(TagHistory::aliasOf);
            if (viaStatus.isEmpty()) {
                return viaSpec;
            }
            current = viaStatus.get();
        }
        throw new InvalidValueException("tag", "must not be part of an alias cycle", stream + ":" + tag);
    }

    /**
     * Returns the current entry of a tag, following aliases.
     *
     * @param stream the stream
     * @param tag the tag
     * @return the entry, or empty when the tag has no digest yet
     */
    Optional<TagEvent> current(final String stream, final String tag) {
        String target = resolveAlias(stream, tag);
        return statuses.apply(stream).tag(target).flatMap(TagHistory::current);
    }

    /**
     * Finds a digest anywhere in a stream's history, current tags first, then archived ones.
     *
     * @param stream the stream
     * @param digest the digest
     * @return the newest entry with the digest
     */
    Optional<TagEvent> findImage(final String stream, final Digest digest) {
        ImageStreamStatus status = statuses.apply(stream);
        return Stream.concat(status.tags().values().stream(), status.archived().stream())
                .map(h -> h.find(digest))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * Resolves a copy or pin source from the spec.
     *
     * @param ownStream the stream the tag belongs to
     * @param from the source
     * @return the entry to copy, or empty while the source has no digest
     */
    Optional<TagEvent> resolve(final String ownStream, final TagSource from) {
        if (from instanceof TagSource.StreamTag copy) {
            return current(copy.stream(), copy.tag());
        }
        if (from instanceof TagSource.StreamImage pin) {
            return findImage(pin.stream().orElse(ownStream), pin.digest());
        }
        return Optional.empty();
    }
}
