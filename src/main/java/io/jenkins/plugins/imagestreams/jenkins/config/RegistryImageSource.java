package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.jenkins.credentials.RegistryCredentialsFacade;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A tag imported from a registry image, e.g. {@code quay.io/org/app:1.2} (OpenShift {@code DockerImage}). Its form
 * has the "Test connection" button.
 */
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
        private final transient JenkinsFacade jenkins = new JenkinsFacade();

        /**
         * Resolves the entered image through the registry adapter, with the selected credentials and the
         * {@code insecure} flag, and shows the digest or the typed failure. POST only; needs Overall/Administer,
         * checked first, because it makes the controller call a registry of the caller's choosing.
         *
         * @param image the image of the tag's registry source
         * @param credentialsId the selected credentials; empty for anonymous
         * @param insecure whether plain HTTP or unverified TLS may be used
         * @param allowedRegistries the allowlist as entered on the page; {@code null} for the saved one
         * @return ok with the digest, or an error with the reason and the registry's answer
         */
        @POST
        public FormValidation doTestConnection(
                @QueryParameter final String image,
                @QueryParameter final String credentialsId,
                @QueryParameter final boolean insecure,
                @QueryParameter final String allowedRegistries) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            return new ConnectionTest(
                            ImageStreamsService.get().registry(),
                            new RegistryCredentialsFacade(),
                            () -> ImageStreamsConfiguration.get().toAllowlist())
                    .run(image, credentialsId, insecure, allowedRegistries);
        }

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
