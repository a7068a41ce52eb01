package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** An alias of another tag of the same stream, e.g. {@code latest -> 3.6}: it always follows its target. */
public class AliasSource extends TagSourceDefinition {
    private final String tag;

    /**
     * Creates the source.
     *
     * @param tag the target tag in the same stream
     */
    @DataBoundConstructor
    public AliasSource(final String tag) {
        this.tag = tag == null ? "" : tag.trim();
    }

    /**
     * Returns the target tag.
     *
     * @return the tag name
     */
    public String getTag() {
        return tag;
    }

    @Override
    public TagSource toModel() {
        return new TagSource.Alias(tag);
    }

    /** Descriptor. */
    @Extension
    @Symbol("alias")
    public static class DescriptorImpl extends TagSourceDescriptor {
        private final transient FormChecks checks = new FormChecks();

        @Override
        public String getDisplayName() {
            return Messages.AliasSource_displayName();
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
