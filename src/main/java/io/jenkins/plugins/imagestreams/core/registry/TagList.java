package io.jenkins.plugins.imagestreams.core.registry;

import java.util.List;

/**
 * The tags of a repository.
 *
 * @param tags the tags, sorted
 * @param truncated whether the page cap stopped the listing before the last page
 */
public record TagList(List<String> tags, boolean truncated) {
    /** Copies the record. */
    public TagList {
        tags = List.copyOf(tags);
    }
}
