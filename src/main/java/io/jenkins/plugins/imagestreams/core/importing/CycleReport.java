package io.jenkins.plugins.imagestreams.core.importing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one import cycle did.
 *
 * @param started when the cycle started
 * @param tags one entry per tag that was resolved, deferred or reconciled; tags that were not due are only
 *     counted
 * @param notDue how many registry tags were not due
 * @param requests how many resolves went to the registry port
 * @param nextDelay the shortest wait until a tag that was not due may become due; the caller may tick then
 */
public record CycleReport(Instant started, List<TagImport> tags, int notDue, int requests, Duration nextDelay) {
    /** Validates and copies the record. */
    public CycleReport {
        Objects.requireNonNull(started, "started");
        tags = List.copyOf(tags);
        Objects.requireNonNull(nextDelay, "nextDelay");
    }

    /**
     * Returns the tags whose digest moved.
     *
     * @return the moved entries, reconciled copies included
     */
    public List<TagImport> moved() {
        return tags.stream().filter(TagImport::moved).toList();
    }

    /**
     * Returns the entries of one kind.
     *
     * @param kind the kind
     * @return the entries
     */
    public List<TagImport> of(final TagImport.Kind kind) {
        return tags.stream().filter(t -> t.kind() == kind).toList();
    }
}
