package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.Names;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.util.Objects;
import java.util.Optional;

/**
 * A tag operation, like {@code oc tag}: copy a stream tag's current digest (or one stream image) to a tag, or
 * make a tag an alias of another tag of the same stream.
 *
 * @param source a {@link TagSource.StreamTag} ({@code other:stable}) or a {@link TagSource.StreamImage}
 *     ({@code other@sha256:…}) with its stream set
 * @param stream the target stream
 * @param tag the target tag
 * @param alias whether the target follows the source (same stream only) instead of pinning its digest
 * @param user who asks; recorded in the history entry
 */
public record TagRequest(TagSource source, String stream, String tag, boolean alias, String user) {
    /** Validates the record. */
    public TagRequest {
        Objects.requireNonNull(source, "source");
        Names.requireStreamName("stream", stream);
        Names.requireTagName("tag", tag);
        Objects.requireNonNull(user, "user");
        if (!(source instanceof TagSource.StreamTag) && !(source instanceof TagSource.StreamImage)) {
            throw new InvalidValueException(
                    "source",
                    "must be a stream tag <stream>:<tag> or a stream image <stream>@<digest>",
                    source.toString());
        }
        if (source instanceof TagSource.StreamImage image && image.stream().isEmpty()) {
            throw new InvalidValueException("source", "must name its stream, as <stream>@<digest>", source.toString());
        }
        if (alias
                && !(source instanceof TagSource.StreamTag copy && copy.stream().equals(stream))) {
            throw new InvalidValueException(
                    "source",
                    "must be a tag of the same stream for an alias (aliases never cross streams)",
                    source.toString());
        }
        if (source instanceof TagSource.StreamTag copy
                && copy.stream().equals(stream)
                && copy.tag().equals(tag)) {
            throw new InvalidValueException("source", "must differ from the target tag", source.toString());
        }
    }

    /**
     * Parses a source as {@code oc tag} does: {@code <stream>:<tag>} or {@code <stream>@<digest>}.
     *
     * @param source the text, e.g. {@code app:staging} or {@code app@sha256:…}
     * @return the source
     * @throws InvalidValueException if the text is neither form
     */
    public static TagSource parseSource(final String source) {
        if (source == null || source.isBlank()) {
            throw new InvalidValueException("source", "must not be empty", source);
        }
        int at = source.indexOf('@');
        if (at > 0) {
            return new TagSource.StreamImage(
                    Optional.of(Names.requireStreamName("source", source.substring(0, at))),
                    Digest.parse(source.substring(at + 1)));
        }
        int colon = source.indexOf(':');
        if (colon <= 0) {
            throw new InvalidValueException("source", "must be <stream>:<tag> or <stream>@<digest>", source);
        }
        return new TagSource.StreamTag(source.substring(0, colon), source.substring(colon + 1));
    }

    /**
     * Returns the stream the source belongs to.
     *
     * @return the source stream name
     */
    public String sourceStream() {
        if (source instanceof TagSource.StreamTag copy) {
            return copy.stream();
        }
        return ((TagSource.StreamImage) source).stream().orElse(stream);
    }
}
