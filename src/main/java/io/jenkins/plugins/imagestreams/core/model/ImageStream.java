package io.jenkins.plugins.imagestreams.core.model;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The spec of one ImageStream: a named, virtual view of container images whose tags point to immutable
 * manifest digests (OpenShift's {@code ImageStreamSpec}). Status lives apart, in {@link ImageStreamStatus}.
 *
 * <p>Construction validates the whole stream: the name, unique tag names, and aliases that end at a tag
 * which is not an alias (no cycles, no dangling targets), so that an invalid spec never reaches the engine.
 *
 * @param name the stream name, matching {@code ^[a-z0-9]+(?:[._-][a-z0-9]+)*$}, at most 253 characters
 * @param description free text for people; may be empty
 * @param tags the tags, in the administrator's order
 * @param importInterval how often scheduled tags are re-imported, between 10 seconds and 7 days
 * @param retention how much history each tag keeps
 * @param paused whether imports and triggers of the whole stream are suspended
 */
public record ImageStream(
        String name,
        String description,
        List<TagReference> tags,
        Duration importInterval,
        HistoryRetention retention,
        boolean paused) {
    /** The default import interval: 15 minutes. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);
    /** The shortest import interval. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    /** The longest import interval. */
    public static final Duration MAX_INTERVAL = Duration.ofDays(7);

    /** Validates and copies the record. */
    public ImageStream {
        Names.requireStreamName("stream name", name);
        Objects.requireNonNull(description, "description");
        tags = List.copyOf(tags);
        Objects.requireNonNull(retention, "retention");
        requireInterval(importInterval);
        requireUniqueTags(tags);
        Map<String, TagReference> byName = index(tags);
        for (TagReference tag : tags) {
            requireValidSource(name, tag, byName);
        }
    }

    /**
     * Creates a stream with defaults: no description, 15 minutes, default retention, not paused.
     *
     * @param name the stream name
     * @param tags the tags
     * @return the stream
     * @throws InvalidValueException if the name or a tag is invalid
     */
    public static ImageStream of(final String name, final List<TagReference> tags) {
        return new ImageStream(name, "", tags, DEFAULT_INTERVAL, HistoryRetention.DEFAULT, false);
    }

    /**
     * Returns the spec of one tag.
     *
     * @param tag the tag name
     * @return the tag's spec, or empty if the stream has no such tag in its spec
     */
    public Optional<TagReference> tag(final String tag) {
        return tags.stream().filter(t -> t.name().equals(tag)).findFirst();
    }

    /**
     * Follows aliases to the tag whose digest an alias shows.
     *
     * @param tag a tag of this stream
     * @return the tag itself when it is not an alias, else the end of its alias chain
     */
    public String resolveAlias(final String tag) {
        String current = tag;
        Optional<TagReference> spec = tag(current);
        while (spec.isPresent() && spec.get().from() instanceof TagSource.Alias alias) {
            current = alias.tag();
            spec = tag(current);
        }
        return current;
    }

    private static void requireInterval(final Duration interval) {
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new InvalidValueException(
                    "importInterval", "must be between 10 seconds and 7 days", String.valueOf(interval));
        }
    }

    private static void requireUniqueTags(final List<TagReference> tags) {
        Set<String> seen = new HashSet<>();
        for (TagReference tag : tags) {
            if (!seen.add(tag.name())) {
                throw new InvalidValueException("tags", "must not define a tag twice", tag.name());
            }
        }
    }

    private static Map<String, TagReference> index(final List<TagReference> tags) {
        Map<String, TagReference> byName = new LinkedHashMap<>();
        tags.forEach(t -> byName.put(t.name(), t));
        return byName;
    }

    private static void requireValidSource(
            final String stream, final TagReference tag, final Map<String, TagReference> byName) {
        if (tag.from() instanceof TagSource.StreamTag copy
                && copy.stream().equals(stream)
                && copy.tag().equals(tag.name())) {
            throw new InvalidValueException(
                    "tags." + tag.name() + ".from", "must not copy the tag itself", copy.toString());
        }
        Set<String> visited = new HashSet<>();
        TagReference current = tag;
        while (current.from() instanceof TagSource.Alias alias) {
            if (!visited.add(current.name())) {
                throw new InvalidValueException(
                        "tags." + tag.name() + ".from", "must not form an alias cycle", String.join(" -> ", visited));
            }
            current = byName.get(alias.tag());
            if (current == null) {
                throw new InvalidValueException(
                        "tags." + tag.name() + ".from",
                        "must be an alias of a tag defined in the same stream",
                        alias.tag());
            }
        }
    }
}
