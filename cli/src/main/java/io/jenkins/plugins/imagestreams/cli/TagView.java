package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.util.Optional;

/**
 * What {@code describe} shows of one tag, as {@code oc describe is} does: its source, the tag an alias shows, the
 * current entry (digest, pull spec, per-platform digests) and the {@code ImportSuccess} condition.
 *
 * @param spec the tag's spec
 * @param aliasOf for an alias, the end of its chain
 * @param current the entry holding the current digest; empty when the tag has none
 * @param condition the condition of the tag (of its target, for an alias); empty when no import ran for it
 */
record TagView(
        TagReference spec, Optional<String> aliasOf, Optional<TagEvent> current, Optional<TagCondition> condition) {
    /**
     * Whether the tag resolved: it has a digest and its last import did not fail.
     *
     * @return false for a failed import, or a tag left without a digest
     */
    boolean resolved() {
        return current.isPresent() && condition.map(TagCondition::status).orElse(true);
    }

    /**
     * The JCasC symbol of the source.
     *
     * @return {@code registryImage}, {@code streamTag}, {@code alias} or {@code streamImage}
     */
    String symbol() {
        TagSource from = spec.from();
        if (from instanceof TagSource.RegistryImage) {
            return "registryImage";
        }
        if (from instanceof TagSource.StreamTag) {
            return "streamTag";
        }
        return from instanceof TagSource.Alias ? "alias" : "streamImage";
    }

    /**
     * The source as {@code oc describe is} writes it.
     *
     * @return e.g. {@code docker.io/library/python:3.12}, {@code python:3.12}, {@code 3.12} or {@code python@sha256:…}
     */
    String from() {
        return spec.from() instanceof TagSource.Alias alias
                ? alias.tag()
                : spec.from().toString();
    }
}
