package io.jenkins.plugins.imagestreams.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The observed state of one stream (OpenShift's {@code ImageStreamStatus}): the history of each tag, plus the
 * histories of tags that were removed from the spec, kept aside instead of being lost.
 *
 * @param stream the stream name
 * @param revision increases with every stored change; used to detect concurrent writers and for ETags
 * @param tags the status of each tag, by tag name (sorted)
 * @param archived the status of tags removed from the spec or deleted, newest archive first
 */
public record ImageStreamStatus(
        String stream, long revision, SortedMap<String, TagHistory> tags, List<TagHistory> archived) {
    /** The most archived tag histories a stream keeps. */
    public static final int MAX_ARCHIVED = 50;

    /** Validates and copies the record. */
    public ImageStreamStatus {
        Names.requireStreamName("stream name", stream);
        tags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        archived = List.copyOf(archived);
    }

    /**
     * A status with no tags.
     *
     * @param stream the stream name
     * @return the empty status, revision 0
     */
    public static ImageStreamStatus empty(final String stream) {
        return new ImageStreamStatus(stream, 0, new TreeMap<>(), List.of());
    }

    /**
     * Returns one tag's status.
     *
     * @param tag the tag name
     * @return the status, or empty if the tag has none yet
     */
    public Optional<TagHistory> tag(final String tag) {
        return Optional.ofNullable(tags.get(tag));
    }

    /**
     * Returns a copy with one tag's status replaced, and the revision increased.
     *
     * @param history the tag's new status
     * @return the copy
     */
    public ImageStreamStatus with(final TagHistory history) {
        SortedMap<String, TagHistory> next = new TreeMap<>(tags);
        next.put(history.tag(), history);
        return new ImageStreamStatus(stream, revision + 1, next, archived);
    }

    /**
     * Returns a copy without one tag, whose status moves to the archive (the oldest archives drop beyond
     * {@link #MAX_ARCHIVED}).
     *
     * @param tag the tag name
     * @return the copy; this status when the tag has no status
     */
    public ImageStreamStatus archive(final String tag) {
        TagHistory removed = tags.get(tag);
        if (removed == null) {
            return this;
        }
        SortedMap<String, TagHistory> next = new TreeMap<>(tags);
        next.remove(tag);
        List<TagHistory> nextArchived = new ArrayList<>(archived.size() + 1);
        nextArchived.add(removed);
        nextArchived.addAll(archived.subList(0, Math.min(archived.size(), MAX_ARCHIVED - 1)));
        return new ImageStreamStatus(stream, revision + 1, next, nextArchived);
    }

    /**
     * Returns a copy without one tag's status, which is dropped, not archived; for tags with no history.
     *
     * @param tag the tag name
     * @return the copy; this status when the tag has no status
     */
    public ImageStreamStatus without(final String tag) {
        if (!tags.containsKey(tag)) {
            return this;
        }
        SortedMap<String, TagHistory> next = new TreeMap<>(tags);
        next.remove(tag);
        return new ImageStreamStatus(stream, revision + 1, next, archived);
    }

    /**
     * Returns a copy with the given revision, as read back from a store.
     *
     * @param newRevision the revision
     * @return the copy
     */
    public ImageStreamStatus withRevision(final long newRevision) {
        return new ImageStreamStatus(stream, newRevision, new TreeMap<>(Map.copyOf(tags)), archived);
    }
}
