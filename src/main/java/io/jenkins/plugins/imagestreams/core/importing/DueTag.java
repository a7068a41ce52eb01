package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.util.Comparator;
import java.util.Optional;

/**
 * A registry tag that the scheduler found due, with what the cycle saw of it.
 *
 * @param stream the stream's spec
 * @param tag the tag's spec; its source is a {@link TagSource.RegistryImage}
 * @param status the tag's status when the cycle started
 * @param decision the scheduler's decision
 */
record DueTag(ImageStream stream, TagReference tag, Optional<TagHistory> status, ImportDecision decision) {
    /** Import requests first, then the most overdue, then by name: deferred tags are served first later. */
    static final Comparator<DueTag> SERVICE_ORDER = Comparator.comparing(
                    (DueTag d) -> d.decision().reason() != ImportReason.IMPORT_REQUESTED)
            .thenComparing(d -> d.decision().dueAt())
            .thenComparing(d -> d.stream().name())
            .thenComparing(d -> d.tag().name());

    ImageReference image() {
        return ((TagSource.RegistryImage) tag.from()).image();
    }

    long requestedSeen() {
        return status.map(TagHistory::importRequested).orElse(0L);
    }

    TagImport deferred() {
        Optional<io.jenkins.plugins.imagestreams.core.image.Digest> current =
                status.flatMap(TagHistory::current).map(e -> e.digest());
        return new TagImport(
                stream.name(),
                tag.name(),
                TagImport.Kind.DEFERRED,
                decision.reason(),
                current,
                current,
                false,
                Optional.empty());
    }
}
