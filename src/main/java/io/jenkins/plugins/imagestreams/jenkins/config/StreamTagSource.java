package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A copy of another stream's tag (OpenShift {@code ImageStreamTag}): the digest is resolved when the tag is
 * set and stays pinned when the source moves.
 */
public class StreamTagSource extends TagSourceDefinition {
    private final String stream;
    private final String tag;

    /**
     * Creates the source.
     *
     * @param stream the source stream
     * @param tag the source tag
     */
    @DataBoundConstructor
    public StreamTagSource(final String stream, final String tag) {
        this.stream = stream == null ? "" : stream.trim();
        this.tag = tag == null ? "" : tag.trim();
    }

    /**
     * Returns the source stream.
     *
     * @return the stream name
     */
    public String getStream() {
        return stream;
    }

    /**
     * Returns the source tag.
     *
     * @return the tag name
     */
    public String getTag() {
        return tag;
    }

    @Override
    public TagSource toModel() {
        return new TagSource.StreamTag(stream, tag);
    }

    /** Descriptor. */
    @Extension
    @Symbol("streamTag")
    public static class DescriptorImpl extends TagSourceDescriptor {
        private final transient FormChecks checks = new FormChecks();

        @Override
        public String getDisplayName() {
            return Messages.StreamTagSource_displayName();
        }

        /**
         * Validates the stream field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckStream(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.streamName(value));
        }

        /**
         * Validates the tag field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckTag(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.tagName(value));
        }
    }
}
