package io.jenkins.plugins.imagestreams.core.store;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Statuses for the store tests. */
public final class StatusExamples {
    /** A base time; events are spread around it. */
    public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private StatusExamples() {}

    /**
     * A digest whose hex part repeats one character.
     *
     * @param hex one of 0-9a-f
     * @return {@code sha256:<hex x 64>}
     */
    public static Digest digest(final char hex) {
        return Digest.parse("sha256:" + String.valueOf(hex).repeat(64));
    }

    /**
     * A status that uses every part of the model: several tags, events with every cause, platform digests,
     * failed and successful conditions with and without retryAfter, archived tags, and every optional field
     * both present and absent.
     *
     * @param stream the stream name
     * @param revision the revision
     * @return the status
     */
    public static ImageStreamStatus rich(final String stream, final long revision) {
        SortedMap<String, TagHistory> tags = new TreeMap<>();
        tags.put("latest", latest());
        tags.put("stable", stable());
        tags.put("v1.0_rc-1", pushedOnly());
        tags.put(
                "current",
                new TagHistory(
                        "current",
                        List.of(),
                        Optional.empty(),
                        1,
                        0,
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("stable")));
        TagHistory old = new TagHistory(
                "old",
                List.of(event(T0.minusSeconds(86_400), 'e', 1, TagEventCause.POLL, TagEvent.SYSTEM, Map.of())),
                Optional.of(TagCondition.success(T0.minusSeconds(86_400))),
                1,
                1,
                1,
                Optional.of(digest('e')),
                Optional.of("docker.io/library/python:3.8"),
                Optional.empty());
        return new ImageStreamStatus(stream, revision, tags, List.of(old, TagHistory.empty("older")));
    }

    private static TagHistory latest() {
        Map<String, Digest> platforms = Map.of("linux/amd64", digest('a'), "linux/arm64/v8", digest('b'));
        List<TagEvent> items = List.of(
                event(T0.plusNanos(123_456_789), '3', 3, TagEventCause.MANUAL, "jane.doe", platforms),
                event(T0.minusSeconds(60), '2', 2, TagEventCause.WEBHOOK, TagEvent.SYSTEM, Map.of()),
                event(T0.minusSeconds(3600), '1', 1, TagEventCause.POLL, TagEvent.SYSTEM, Map.of()));
        TagCondition rateLimited = TagCondition.failure(
                ConditionReason.RateLimited,
                "quay.io answered 429 for \"org/app:latest\"; résumé ✓",
                T0.plusSeconds(30),
                Optional.of(T0.plusSeconds(330)));
        return new TagHistory(
                "latest",
                items,
                Optional.of(rateLimited),
                3,
                5,
                4,
                Optional.of(digest('3')),
                Optional.of("quay.io/org/app:latest"),
                Optional.empty());
    }

    private static TagHistory stable() {
        List<TagEvent> items = List.of(
                event(T0.plusSeconds(10), '1', 3, TagEventCause.ROLLBACK, "admin", Map.of()),
                event(T0.minusSeconds(30), '2', 2, TagEventCause.TAG, "admin", Map.of()));
        return new TagHistory(
                "stable",
                items,
                Optional.of(TagCondition.success(T0.plusSeconds(10))),
                3,
                0,
                0,
                Optional.empty(),
                Optional.of("app:latest"),
                Optional.empty());
    }

    private static TagHistory pushedOnly() {
        List<TagEvent> items = List.of(event(T0.plusSeconds(1), 'c', 1, TagEventCause.RECORD_PUSH, "ci-bot", Map.of()));
        TagCondition notFound =
                TagCondition.failure(ConditionReason.NotFound, "no such tag", T0.plusSeconds(2), Optional.empty());
        return new TagHistory(
                "v1.0_rc-1",
                items,
                Optional.of(notFound),
                1,
                1,
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static TagEvent event(
            final Instant created,
            final char hex,
            final long generation,
            final TagEventCause cause,
            final String user,
            final Map<String, Digest> platforms) {
        Digest digest = digest(hex);
        return new TagEvent(created, digest, "quay.io/org/app@" + digest, generation, cause, user, platforms);
    }
}
