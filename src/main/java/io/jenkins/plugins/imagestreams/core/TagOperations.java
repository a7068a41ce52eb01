package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.ImageStreams.Outcome;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.HistoryRetention;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.Names;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The tag operations as pure functions from one stream status to the next. {@link ImageStreams} runs them
 * under the stream's lock and stores the result; history rules live in {@link TagHistory}.
 */
final class TagOperations {
    private final ImageStreamSpecs specs;
    private final SourceResolver resolver;
    private final Clock clock;
    private final Function<String, Set<Digest>> externallyProtected;

    TagOperations(
            final ImageStreamSpecs specs,
            final SourceResolver resolver,
            final Clock clock,
            final Function<String, Set<Digest>> externallyProtected) {
        this.specs = specs;
        this.resolver = resolver;
        this.clock = clock;
        this.externallyProtected = externallyProtected;
    }

    Outcome<TagResult> tag(final ImageStreamStatus status, final TagRequest request) {
        ImageStream spec = spec(status);
        Optional<TagReference> specTag = spec.tag(request.tag());
        requireNotSpecAlias(specTag, request.tag());
        if (request.alias()) {
            return alias(status, spec, request);
        }
        TagEvent source = resolver.resolve(status.stream(), request.source())
                .orElseThrow(() -> new InvalidValueException(
                        "source",
                        "must have a digest (the source tag has no history yet, or the digest is not in"
                                + " the stream's history)",
                        request.source().toString()));
        TagHistory before = status.tag(request.tag()).orElseGet(() -> TagHistory.empty(request.tag()));
        TagHistory plain = before.with(
                before.generation(),
                before.importRequested(),
                before.importObserved(),
                before.lastImportedDigest(),
                before.observedSpec(),
                Optional.empty());
        return move(status, before, plain, source, TagEventCause.TAG, request.user());
    }

    private Outcome<TagResult> alias(final ImageStreamStatus status, final ImageStream spec, final TagRequest request) {
        String target = ((TagSource.StreamTag) request.source()).tag();
        if (spec.tag(request.tag()).isPresent()) {
            throw new InvalidValueException(
                    "tag",
                    "must not be defined in the configuration to become an alias;" + " define the alias there instead",
                    request.tag());
        }
        if (spec.tag(target).isEmpty() && status.tag(target).isEmpty()) {
            throw new InvalidValueException(
                    "source",
                    "must be an existing tag of the stream",
                    request.source().toString());
        }
        if (resolver.aliasChain(status.stream(), target).contains(request.tag())) {
            throw new InvalidValueException(
                    "source", "must not form an alias cycle", request.source().toString());
        }
        Optional<TagHistory> existing = status.tag(request.tag());
        Optional<Digest> previous = existing.flatMap(TagHistory::current).map(TagEvent::digest);
        if (existing.flatMap(TagHistory::aliasOf).equals(Optional.of(target))) {
            return unchanged(status, request.tag(), previous);
        }
        TagHistory empty = TagHistory.empty(request.tag());
        TagHistory aliased =
                empty.with(empty.generation(), 0, 0, Optional.empty(), Optional.empty(), Optional.of(target));
        ImageStreamStatus next = (existing.isPresent() ? status.archive(request.tag()) : status).with(aliased);
        Optional<TagEvent> now = resolver.current(status.stream(), target);
        return new Outcome<>(next, result(status.stream(), request.tag(), previous, now, true));
    }

    Outcome<TagResult> rollback(
            final ImageStreamStatus status, final String tag, final RollbackTarget target, final String user) {
        ImageStream spec = spec(status);
        Names.requireTagName("tag", tag);
        requireNotAlias(status, spec, tag);
        TagHistory history = status.tag(tag)
                .filter(h -> !h.items().isEmpty())
                .orElseThrow(() -> new InvalidValueException("tag", "must have a history to roll back", tag));
        TagEvent chosen = target.select(history)
                .orElseThrow(() -> new InvalidValueException(
                        "to",
                        "must select an entry of the tag's history ("
                                + history.items().size() + " entries)",
                        target.toString()));
        return move(status, history, history, chosen, TagEventCause.ROLLBACK, user);
    }

    Outcome<TagResult> recordPush(
            final ImageStreamStatus status,
            final String tag,
            final ImageReference pushed,
            final Map<String, Digest> platformDigests,
            final String user) {
        ImageStream spec = spec(status);
        Names.requireTagName("tag", tag);
        requireNotAlias(status, spec, tag);
        Digest digest = pushed.digest()
                .orElseThrow(() -> new InvalidValueException(
                        "image", "must carry a digest, as <registry>/<repository>@sha256:<64 hex>", pushed.toString()));
        TagEvent source = new TagEvent(
                clock.instant(),
                digest,
                pushed.name() + "@" + digest,
                0,
                TagEventCause.RECORD_PUSH,
                user,
                platformDigests);
        TagHistory before = status.tag(tag).orElseGet(() -> TagHistory.empty(tag));
        return move(status, before, before, source, TagEventCause.RECORD_PUSH, user);
    }

    Outcome<TagResult> deleteTag(final ImageStreamStatus status, final String tag) {
        ImageStream spec = spec(status);
        Names.requireTagName("tag", tag);
        if (spec.tag(tag).isPresent()) {
            throw new InvalidValueException("tag", "must not be defined in the configuration; remove it there", tag);
        }
        TagHistory history =
                status.tag(tag).orElseThrow(() -> new InvalidValueException("tag", "must name an existing tag", tag));
        status.tags().values().stream()
                .filter(h -> h.aliasOf().equals(Optional.of(tag)))
                .findFirst()
                .ifPresent(h -> {
                    throw new InvalidValueException("tag", "must not be the target of alias '" + h.tag() + "'", tag);
                });
        Optional<Digest> previous = history.current().map(TagEvent::digest);
        return new Outcome<>(
                status.archive(tag), new TagResult(status.stream(), tag, previous, Optional.empty(), "", true));
    }

    Outcome<TagResult> requestImport(final ImageStreamStatus status, final String tag) {
        TagReference specTag = requireRegistryTag(status, tag);
        if (!specTag.from().needsRegistry()) {
            throw new InvalidValueException(
                    "tag",
                    "must import a registry image by tag; " + specTag.from()
                            + " is pinned by digest, which no import can move",
                    tag);
        }
        TagHistory history = synced(status.tag(tag).orElseGet(() -> TagHistory.empty(tag)), specTag);
        Optional<Digest> current = history.current().map(TagEvent::digest);
        if (history.importPending()) {
            return unchanged(status, tag, current);
        }
        TagHistory next = history.with(
                history.generation(),
                history.importRequested() + 1,
                history.importObserved(),
                history.lastImportedDigest(),
                history.observedSpec(),
                history.aliasOf());
        return new Outcome<>(status.with(next), result(status.stream(), tag, current, history.current(), false));
    }

    Outcome<TagResult> applyImport(final ImageStreamStatus status, final String tag, final ImportOutcome outcome) {
        TagReference specTag = requireRegistryTag(status, tag);
        TagHistory before = status.tag(tag).orElseGet(() -> TagHistory.empty(tag));
        TagHistory history = synced(before, specTag);
        long observed =
                Math.max(history.importObserved(), Math.min(outcome.requestedSeen(), history.importRequested()));
        Optional<Digest> previous = history.current().map(TagEvent::digest);
        TagHistory next;
        if (outcome instanceof ImportOutcome.Failed failed) {
            next = history.withCondition(
                    TagCondition.failure(failed.reason(), failed.message(), clock.instant(), failed.retryAfter()));
            next = next.with(
                    next.generation(),
                    next.importRequested(),
                    observed,
                    next.lastImportedDigest(),
                    next.observedSpec(),
                    next.aliasOf());
        } else {
            next = imported(status, history, (ImportOutcome.Resolved) outcome, observed);
        }
        if (next.equals(before)) {
            return unchanged(status, tag, previous);
        }
        ImageStreamStatus after = status.with(next);
        Optional<TagEvent> now = next.current();
        boolean moved = !now.map(TagEvent::digest).equals(previous)
                || next.items().size() != history.items().size();
        return new Outcome<>(after, result(status.stream(), tag, previous, now, moved));
    }

    private TagHistory imported(
            final ImageStreamStatus status,
            final TagHistory history,
            final ImportOutcome.Resolved resolved,
            final long observed) {
        TagHistory next = history.withCondition(TagCondition.success(clock.instant()));
        boolean registryMoved = !history.lastImportedDigest().equals(Optional.of(resolved.digest()))
                || history.current().isEmpty();
        if (registryMoved) {
            TagEvent event = new TagEvent(
                    clock.instant(),
                    resolved.digest(),
                    resolved.pullSpec(),
                    history.generation(),
                    resolved.cause(),
                    resolved.user(),
                    resolved.platformDigests());
            next = next.record(event);
            HistoryRetention retention = spec(status).retention();
            if (next.mayPrune(retention, clock.instant())) {
                next = next.prune(retention, clock.instant(), protectedIn(status.stream()));
            }
        }
        return next.with(
                next.generation(),
                next.importRequested(),
                observed,
                Optional.of(resolved.digest()),
                next.observedSpec(),
                next.aliasOf());
    }

    Outcome<java.util.List<TagResult>> reconcile(final ImageStreamStatus status, final ImageStream spec) {
        return new SpecReconciler(this, resolver, clock).reconcile(status, spec);
    }

    Outcome<TagResult> move(
            final ImageStreamStatus status,
            final TagHistory before,
            final TagHistory base,
            final TagEvent source,
            final TagEventCause cause,
            final String user) {
        Optional<Digest> previous = before.current().map(TagEvent::digest);
        if (previous.equals(Optional.of(source.digest()))
                && base.aliasOf().isEmpty()
                && before.aliasOf().isEmpty()) {
            return unchanged(status, before.tag(), previous);
        }
        long generation = base.items().isEmpty() ? base.generation() : base.generation() + 1;
        TagEvent event = ImageStreams.event(clock, source, generation, cause, user);
        TagHistory next = base.with(
                        generation,
                        base.importRequested(),
                        base.importObserved(),
                        base.lastImportedDigest(),
                        base.observedSpec(),
                        base.aliasOf())
                .record(event)
                .prune(spec(status).retention(), clock.instant(), protectedIn(status.stream()));
        return new Outcome<>(status.with(next), result(status.stream(), before.tag(), previous, next.current(), true));
    }

    TagHistory synced(final TagHistory history, final TagReference specTag) {
        String spec = specTag.from().toString();
        if (history.observedSpec().equals(Optional.of(spec))
                && history.aliasOf().isEmpty()) {
            return history;
        }
        boolean changed = history.observedSpec().isPresent()
                && !history.observedSpec().get().equals(spec);
        long generation = changed ? history.generation() + 1 : history.generation();
        Optional<Digest> imported = changed ? Optional.empty() : history.lastImportedDigest();
        return history.with(
                generation,
                history.importRequested(),
                history.importObserved(),
                imported,
                Optional.of(spec),
                Optional.empty());
    }

    Set<Digest> protectedIn(final String stream) {
        Set<Digest> digests = new HashSet<>(externallyProtected.apply(stream));
        for (ImageStream other : specs.all()) {
            for (TagReference tag : other.tags()) {
                if (tag.from() instanceof TagSource.StreamImage pin
                        && pin.stream().orElse(other.name()).equals(stream)) {
                    digests.add(pin.digest());
                }
            }
        }
        return digests;
    }

    ImageStream spec(final ImageStreamStatus status) {
        return specs.find(status.stream())
                .orElseThrow(
                        () -> new InvalidValueException("stream", "must name a defined ImageStream", status.stream()));
    }

    private TagReference requireRegistryTag(final ImageStreamStatus status, final String tag) {
        Names.requireTagName("tag", tag);
        TagReference specTag = spec(status)
                .tag(tag)
                .orElseThrow(() -> new InvalidValueException("tag", "must be defined in the configuration", tag));
        if (!(specTag.from() instanceof TagSource.RegistryImage)) {
            throw new InvalidValueException(
                    "tag",
                    "must import from a registry (its source is "
                            + specTag.from().kind() + " " + specTag.from() + ")",
                    tag);
        }
        return specTag;
    }

    private void requireNotSpecAlias(final Optional<TagReference> specTag, final String tag) {
        if (specTag.isPresent() && specTag.get().from() instanceof TagSource.Alias alias) {
            throw new InvalidValueException(
                    "tag", "must not be an alias defined in the configuration (it follows '" + alias.tag() + "')", tag);
        }
    }

    private void requireNotAlias(final ImageStreamStatus status, final ImageStream spec, final String tag) {
        requireNotSpecAlias(spec.tag(tag), tag);
        Optional<String> target = status.tag(tag).flatMap(TagHistory::aliasOf);
        if (target.isPresent()) {
            throw new InvalidValueException(
                    "tag", "must not be an alias (it follows '" + target.get() + "'; operate on that tag)", tag);
        }
    }

    Outcome<TagResult> unchanged(final ImageStreamStatus status, final String tag, final Optional<Digest> digest) {
        Optional<TagEvent> current = resolver.current(status.stream(), tag);
        return new Outcome<>(
                status,
                new TagResult(
                        status.stream(),
                        tag,
                        digest,
                        digest,
                        current.map(TagEvent::pullSpec).orElse(""),
                        false));
    }

    static TagResult result(
            final String stream,
            final String tag,
            final Optional<Digest> previous,
            final Optional<TagEvent> now,
            final boolean changed) {
        return new TagResult(
                stream,
                tag,
                previous,
                now.map(TagEvent::digest),
                now.map(TagEvent::pullSpec).orElse(""),
                changed);
    }

    static TagCondition notResolvable(final Clock clock, final TagSource from) {
        return TagCondition.failure(
                ConditionReason.NotFound, "source " + from + " has no digest yet", clock.instant(), Optional.empty());
    }
}
