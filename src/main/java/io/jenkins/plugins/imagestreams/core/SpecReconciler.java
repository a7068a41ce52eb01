package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.ImageStreams.Outcome;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings a stream's status in line with its spec without registry requests:
 *
 * <ul>
 *   <li>a changed {@code from} bumps the tag's generation, so the next import records an entry even for the
 *       same digest (OpenShift's rule);
 *   <li>a copy ({@code StreamTag}) is resolved once per generation and then pinned; a pin ({@code StreamImage}
 *       or a registry image by digest) is recorded once;
 *   <li>tags that came from the spec and left it are archived, never silently dropped (a tag that never
 *       resolved has nothing to archive and is just removed).
 * </ul>
 */
final class SpecReconciler {
    private final TagOperations operations;
    private final SourceResolver resolver;
    private final Clock clock;

    SpecReconciler(final TagOperations operations, final SourceResolver resolver, final Clock clock) {
        this.operations = operations;
        this.resolver = resolver;
        this.clock = clock;
    }

    Outcome<List<TagResult>> reconcile(final ImageStreamStatus status, final ImageStream spec) {
        ImageStreamStatus current = status;
        List<TagResult> changes = new ArrayList<>();
        for (TagReference tag : spec.tags()) {
            if (tag.from() instanceof TagSource.Alias) {
                continue;
            }
            TagHistory before = current.tag(tag.name()).orElseGet(() -> TagHistory.empty(tag.name()));
            TagHistory synced = operations.synced(before, tag);
            Optional<TagEvent> pinned = pinnedSource(current.stream(), tag.from());
            if (pinned.isPresent() && needsEntry(synced)) {
                TagHistory resolved = resolvedCondition(synced);
                Outcome<TagResult> moved = operations.move(
                        current.with(resolved), resolved, resolved, pinned.get(), TagEventCause.TAG, TagEvent.SYSTEM);
                current = moved.status();
                changes.add(moved.result());
            } else if (pinned.isEmpty() && isCopyOrPin(tag.from()) && needsEntry(synced)) {
                current = current.with(synced.withCondition(TagOperations.notResolvable(clock, tag.from())));
            } else if (!synced.equals(before)) {
                current = current.with(synced);
            }
        }
        for (TagHistory history : status.tags().values()) {
            if (history.observedSpec().isPresent() && spec.tag(history.tag()).isEmpty()) {
                current = history.items().isEmpty() ? current.without(history.tag()) : current.archive(history.tag());
            }
        }
        return new Outcome<>(current, changes);
    }

    /** A copy or pin that resolves no longer has the "source has no digest yet" condition of earlier attempts. */
    private TagHistory resolvedCondition(final TagHistory history) {
        boolean failed = history.condition().map(c -> !c.status()).orElse(false);
        return failed ? history.withCondition(TagCondition.success(clock.instant())) : history;
    }

    private static boolean needsEntry(final TagHistory history) {
        return history.current()
                .map(e -> e.generation() != history.generation())
                .orElse(true);
    }

    private static boolean isCopyOrPin(final TagSource from) {
        return from instanceof TagSource.StreamTag
                || from instanceof TagSource.StreamImage
                || (from instanceof TagSource.RegistryImage image
                        && image.image().digest().isPresent());
    }

    private Optional<TagEvent> pinnedSource(final String stream, final TagSource from) {
        if (from instanceof TagSource.RegistryImage image
                && image.image().digest().isPresent()) {
            Digest digest = image.image().digest().get();
            return Optional.of(new TagEvent(
                    clock.instant(),
                    digest,
                    image.image().name() + "@" + digest,
                    0,
                    TagEventCause.TAG,
                    TagEvent.SYSTEM,
                    java.util.Map.of()));
        }
        return resolver.resolve(stream, from);
    }
}
