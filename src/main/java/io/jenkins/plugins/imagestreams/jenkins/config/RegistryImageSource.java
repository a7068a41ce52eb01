package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.Extension;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A tag imported from a registry image, e.g. {@code quay.io/org/app:1.2} (OpenShift {@code DockerImage}). */
public class RegistryImageSource extends TagSourceDefinition {
    private final String image;

    /**
     * Creates the source.
     *
     * @param image a reference as {@code docker pull} takes it, e.g. {@code python:3.12}
     */
    @DataBoundConstructor
    public RegistryImageSource(final String image) {
        this.image = image == null ? "" : image.trim();
    }

    /**
     * Returns the image reference as entered.
     *
     * @return the reference
     */
    public String getImage() {
        return image;
    }

    @Override
    public TagSource toModel() {
        return TagSource.RegistryImage.parse(image);
    }

    /** Descriptor. */
    @Extension
    @Symbol("registryImage")
    public static class DescriptorImpl extends TagSourceDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.RegistryImageSource_displayName();
        }
    }
}
