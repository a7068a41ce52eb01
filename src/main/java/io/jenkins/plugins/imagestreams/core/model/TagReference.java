package io.jenkins.plugins.imagestreams.core.model;

import java.util.Objects;

/**
 * The spec of one tag, as the administrator configured it: OpenShift's {@code TagReference}.
 *
 * @param name the tag name, matching {@code ^[\w][\w.-]{0,127}$}
 * @param from where the digest comes from
 * @param importPolicy how a registry source is imported; ignored for other sources
 */
public record TagReference(String name, TagSource from, ImportPolicy importPolicy) {
    /** Validates the record. */
    public TagReference {
        Names.requireTagName("tag", name);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(importPolicy, "importPolicy");
    }

    /**
     * Creates a tag with the default import policy.
     *
     * @param name the tag name
     * @param from the source
     * @return the tag reference
     */
    public static TagReference of(final String name, final TagSource from) {
        return new TagReference(name, from, ImportPolicy.DEFAULT);
    }

    /**
     * Whether the poller re-imports this tag.
     *
     * @return true for a scheduled registry image that is not pinned by digest
     */
    public boolean isScheduled() {
        return importPolicy.scheduled() && from.needsRegistry();
    }
}
