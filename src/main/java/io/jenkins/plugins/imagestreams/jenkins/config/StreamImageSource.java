package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.util.Optional;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Exactly one image from a stream's history, {@code stream@sha256:…} (OpenShift {@code ImageStreamImage}). */
public class StreamImageSource extends TagSourceDefinition {
    private final String digest;
    private String stream = "";

    /**
     * Creates the source.
     *
     * @param digest the pinned digest, {@code sha256:<64 hex>}
     */
    @DataBoundConstructor
    public StreamImageSource(final String digest) {
        this.digest = digest == null ? "" : digest.trim();
    }

    /**
     * Returns the pinned digest.
     *
     * @return the digest as entered
     */
    public String getDigest() {
        return digest;
    }

    /**
     * Returns the stream whose history holds the digest.
     *
     * @return the stream name; empty for the tag's own stream
     */
    public String getStream() {
        return stream;
    }

    /**
     * Sets the stream whose history holds the digest.
     *
     * @param stream the stream name; empty for the tag's own stream
     */
    @DataBoundSetter
    public void setStream(final String stream) {
        this.stream = stream == null ? "" : stream.trim();
    }

    @Override
    public TagSource toModel() {
        return new TagSource.StreamImage(
                stream.isEmpty() ? Optional.empty() : Optional.of(stream), Digest.parse(digest));
    }

    /** Descriptor. */
    @Extension
    @Symbol("streamImage")
    public static class DescriptorImpl extends TagSourceDescriptor {
        private final transient FormChecks checks = new FormChecks();

        @Override
        public String getDisplayName() {
            return Messages.StreamImageSource_displayName();
        }

        /**
         * Validates the stream field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckStream(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.optionalStreamName(value));
        }

        /**
         * Validates the digest field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckDigest(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.digest(value));
        }
    }
}
