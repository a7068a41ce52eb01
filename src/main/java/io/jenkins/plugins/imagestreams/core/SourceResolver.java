package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.util.ArrayList;
import java.util.List;
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
        List<String> chain = aliasChain(stream, tag);
        return chain.get(chain.size() - 1);
    }

    /**
     * Lists the tags an alias passes through, from the tag itself to the end of its chain.
     *
     * @param stream the stream
     * @param tag the tag
     * @return the chain, starting with {@code tag}; a single element when the tag is not an alias
     * @throws InvalidValueException if the chain loops
     */
    List<String> aliasChain(final String stream, final String tag) {
        Optional<ImageStream> spec = specs.find(stream);
        ImageStreamStatus status = statuses.apply(stream);
        List<String> chain = new ArrayList<>();
        Optional<String> next = Optional.of(tag);
        while (next.isPresent()) {
            String current = next.get();
            if (chain.contains(current)) {
                throw new InvalidValueException(
                        "tag", "must not be part of an alias cycle", String.join(" -> ", chain));
            }
            chain.add(current);
            next = aliasTarget(spec, status, current);
        }
        return chain;
    }

    private static Optional<String> aliasTarget(
            final Optional<ImageStream> spec, final ImageStreamStatus status, final String tag) {
        Optional<TagReference> specTag = spec.flatMap(s -> s.tag(tag));
        if (specTag.isPresent()) {
            return specTag.get().from() instanceof TagSource.Alias alias ? Optional.of(alias.tag()) : Optional.empty();
        }
        return status.tag(tag).flatMap(TagHistory::aliasOf);
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
