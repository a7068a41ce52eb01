package io.jenkins.plugins.imagestreams.jenkins.trigger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Cause;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerCause;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a build was started by an ImageStream tag: the stream, the tag, the digest the job was last triggered for, the
 * new digest, its pull spec and what moved the tag (poll, webhook, manual, tag, rollback or recordPush). Stored with
 * the build, so it holds plain strings only.
 */
public class ImageStreamCause extends Cause {
    private final String stream;
    private final String tag;

    @CheckForNull
    private final String previousDigest;

    private final String digest;
    private final String pullSpec;
    private final String source;

    /**
     * Creates a cause.
     *
     * @param stream the stream name
     * @param tag the tag name
     * @param previousDigest the digest the job was last triggered for, or null
     * @param digest the new digest
     * @param pullSpec the pullable reference
     * @param source what moved the tag, e.g. {@code poll}
     */
    public ImageStreamCause(
            final String stream,
            final String tag,
            @CheckForNull final String previousDigest,
            final String digest,
            final String pullSpec,
            final String source) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.tag = Objects.requireNonNull(tag, "tag");
        this.previousDigest = previousDigest;
        this.digest = Objects.requireNonNull(digest, "digest");
        this.pullSpec = Objects.requireNonNull(pullSpec, "pullSpec");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Converts a core cause.
     *
     * @param cause the core cause
     * @return the Jenkins cause
     */
    public static ImageStreamCause of(final TriggerCause cause) {
        return new ImageStreamCause(
                cause.stream(),
                cause.tag(),
                cause.previousDigest().map(Digest::toString).orElse(null),
                cause.digest().toString(),
                cause.pullSpec(),
                cause.source().wireName());
    }

    /**
     * Tells whether this cause is for a stream tag and digest.
     *
     * @param aStream the stream name
     * @param aTag the tag name
     * @param aDigest the digest
     * @return true if all three match
     */
    public boolean isFor(final String aStream, final String aTag, final String aDigest) {
        return isFor(aStream, aTag) && digest.equals(aDigest);
    }

    /**
     * Tells whether this cause is for a stream tag.
     *
     * @param aStream the stream name
     * @param aTag the tag name
     * @return true if both match
     */
    public boolean isFor(final String aStream, final String aTag) {
        return stream.equals(aStream) && tag.equals(aTag);
    }

    public String getStream() {
        return stream;
    }

    public String getTag() {
        return tag;
    }

    /**
     * Returns the digest the job was last triggered for.
     *
     * @return the digest, if the job was triggered before
     */
    public Optional<String> getPreviousDigest() {
        return Optional.ofNullable(previousDigest);
    }

    public String getDigest() {
        return digest;
    }

    public String getPullSpec() {
        return pullSpec;
    }

    public String getSource() {
        return source;
    }

    @Override
    public String getShortDescription() {
        return "Started by ImageStream " + stream + ":" + tag + " (" + source + ") "
                + (previousDigest == null ? "" : shortDigest(previousDigest) + " \u2192 ") + shortDigest(digest);
    }

    private static String shortDigest(final String value) {
        int colon = value.indexOf(':');
        int end = Math.min(value.length(), colon + 13);
        return value.substring(0, end);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ImageStreamCause other
                && stream.equals(other.stream)
                && tag.equals(other.tag)
                && Objects.equals(previousDigest, other.previousDigest)
                && digest.equals(other.digest)
                && pullSpec.equals(other.pullSpec)
                && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stream, tag, previousDigest, digest, pullSpec, source);
    }
}
