package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import java.util.Objects;
import java.util.Optional;

/**
 * What one cycle did with one tag.
 *
 * @param stream the stream name
 * @param tag the tag name
 * @param kind what happened
 * @param reason why the tag was due (for reconciled tags, {@link ImportReason#NOT_SCHEDULED})
 * @param previousDigest the digest before, if the tag had one
 * @param digest the digest after, if the tag has one
 * @param triggerRelevant whether the move counts as a change for triggering: false when nothing moved, or when
 *     only the index digest moved and the children of the tag's selected platforms are unchanged
 * @param failure the condition reason of a failed import
 */
public record TagImport(
        String stream,
        String tag,
        Kind kind,
        ImportReason reason,
        Optional<Digest> previousDigest,
        Optional<Digest> digest,
        boolean triggerRelevant,
        Optional<ConditionReason> failure) {
    /** Validates the record. */
    public TagImport {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(previousDigest, "previousDigest");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(failure, "failure");
    }

    /**
     * Whether the tag's digest moved in this cycle.
     *
     * @return true for {@link Kind#MOVED} and {@link Kind#RECONCILED}
     */
    public boolean moved() {
        return kind == Kind.MOVED || kind == Kind.RECONCILED;
    }

    /** What happened to a tag. */
    public enum Kind {
        /** Resolved through the registry; the digest is the known one. */
        UNCHANGED,
        /** Resolved through the registry; a new digest was recorded. */
        MOVED,
        /** The import failed; the last good digest stays current and the condition says why. */
        FAILED,
        /** Due, but a cap left no room in this cycle; it is served first in a later one. */
        DEFERRED,
        /** A copy or pin was set by reconciling the spec, with no registry request. */
        RECONCILED
    }
}
