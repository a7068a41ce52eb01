package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a build was triggered by one tag: one cause per tag in a {@link TriggerRequest}.
 *
 * @param stream the stream name
 * @param tag the subscribed tag name
 * @param previousDigest the digest the job was last triggered for, if any
 * @param digest the new digest
 * @param pullSpec the pullable reference, {@code <registry>/<repository>@<digest>}
 * @param source what moved the tag: poll, webhook, manual, tag, rollback or recordPush
 * @param changedAt when the tag was set to the new digest
 */
public record TriggerCause(
        String stream,
        String tag,
        Optional<Digest> previousDigest,
        Digest digest,
        String pullSpec,
        TagEventCause source,
        Instant changedAt) {
    /** Validates the record. */
    public TriggerCause {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(previousDigest, "previousDigest");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(pullSpec, "pullSpec");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
