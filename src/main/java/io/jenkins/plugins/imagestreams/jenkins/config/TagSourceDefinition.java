package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.imagestreams.core.model.TagSource;

/**
 * The {@code from} of a tag in the global configuration: one Describable per OpenShift {@code from.kind}, so
 * that the form shows a dropdown and JCasC a symbol ({@code registryImage}, {@code streamTag}, {@code alias},
 * {@code streamImage}).
 */
public abstract class TagSourceDefinition implements Describable<TagSourceDefinition> {
    /**
     * Converts the form values to the core's validated source.
     *
     * @return the source
     * @throws io.jenkins.plugins.imagestreams.core.InvalidValueException if a value breaks a rule
     */
    public abstract TagSource toModel();

    /** The descriptor all source kinds share. */
    public abstract static class TagSourceDescriptor extends Descriptor<TagSourceDefinition> {}
}
