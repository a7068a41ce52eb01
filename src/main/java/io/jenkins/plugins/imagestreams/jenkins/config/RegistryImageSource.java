package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

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
        private final transient FormChecks checks = new FormChecks();

        @Override
        public String getDisplayName() {
            return Messages.RegistryImageSource_displayName();
        }

        /**
         * Validates the image field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckImage(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.imageReference(value));
        }
    }
}
