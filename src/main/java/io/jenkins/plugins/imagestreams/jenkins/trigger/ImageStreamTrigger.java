package io.jenkins.plugins.imagestreams.jenkins.trigger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Job;
import hudson.triggers.Trigger;
import hudson.triggers.TriggerDescriptor;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.triggering.Subscription;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.security.StreamAccess;
import io.jenkins.plugins.imagestreams.jenkins.security.StreamAccessCheck;
import java.util.Optional;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Builds the job when an ImageStream tag moves to a new digest. It holds no state: the poller lists every job's
 * trigger as a subscription, and the core triggerer keeps each subscription's last triggered digest on disk.
 */
public class ImageStreamTrigger extends Trigger<Job<?, ?>> {
    private final String stream;
    private final String tag;

    /**
     * Creates the trigger.
     *
     * @param stream the stream name
     * @param tag the tag name
     */
    @DataBoundConstructor
    public ImageStreamTrigger(final String stream, final String tag) {
        super();
        this.stream = Util.fixNull(stream).trim();
        this.tag = Util.fixNull(tag).trim();
    }

    public String getStream() {
        return stream;
    }

    public String getTag() {
        return tag;
    }

    /**
     * Returns the job's subscription.
     *
     * @param jobFullName the job's full name
     * @return the subscription, if stream and tag are set
     */
    public Optional<Subscription> toSubscription(final String jobFullName) {
        if (stream.isEmpty() || tag.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Subscription.of(jobFullName, stream, tag));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The descriptor: offered on every job that can be built with parameters and causes. */
    @Extension
    @Symbol("imageStream")
    public static class DescriptorImpl extends TriggerDescriptor {
        private final TriggerJobsFacade jobs = new TriggerJobsFacade();

        @Override
        public boolean isApplicable(final Item item) {
            return item instanceof ParameterizedJobMixIn.ParameterizedJob;
        }

        @Override
        public String getDisplayName() {
            return "Build when an ImageStream tag changes";
        }

        /**
         * Checks the stream field; needs Item/Configure on the job.
         *
         * @param item the job being configured, or null
         * @param value the stream name
         * @return ok, or what is wrong
         */
        @POST
        public FormValidation doCheckStream(
                @AncestorInPath @CheckForNull final Item item, @QueryParameter final String value) {
            if (!jobs.mayConfigure(item)) {
                return FormValidation.ok();
            }
            String name = Util.fixNull(value).trim();
            if (name.isEmpty()) {
                return FormValidation.error("Required");
            }
            return findStream(name).isPresent()
                    ? FormValidation.ok()
                    : FormValidation.warning("No ImageStream named '" + name + "' is configured");
        }

        /**
         * Checks the tag field; needs Item/Configure on the job.
         *
         * @param item the job being configured, or null
         * @param stream the stream name
         * @param value the tag name
         * @return ok, or what is wrong
         */
        @POST
        public FormValidation doCheckTag(
                @AncestorInPath @CheckForNull final Item item,
                @QueryParameter final String stream,
                @QueryParameter final String value) {
            if (!jobs.mayConfigure(item)) {
                return FormValidation.ok();
            }
            String name = Util.fixNull(value).trim();
            if (name.isEmpty()) {
                return FormValidation.error("Required");
            }
            Optional<ImageStream> found = findStream(Util.fixNull(stream).trim());
            if (found.isEmpty()) {
                return FormValidation.ok();
            }
            return found.get().tags().stream().anyMatch(t -> t.name().equals(name))
                    ? FormValidation.ok()
                    : FormValidation.warning("ImageStream '" + found.get().name() + "' has no tag '" + name + "'");
        }

        /**
         * Offers the configured stream names; needs Item/Configure on the job.
         *
         * @param item the job being configured, or null
         * @return the stream names
         */
        @POST
        public ComboBoxModel doFillStreamItems(@AncestorInPath @CheckForNull final Item item) {
            ComboBoxModel names = new ComboBoxModel();
            if (!jobs.mayConfigure(item)) {
                return names;
            }
            ImageStreamsConfiguration.get().toModel().stream()
                    .filter(s -> mayView(s.name()))
                    .forEach(s -> names.add(s.name()));
            return names;
        }

        /**
         * Offers the tag names of the chosen stream; needs Item/Configure on the job.
         *
         * @param item the job being configured, or null
         * @param stream the stream name
         * @return the tag names
         */
        @POST
        public ComboBoxModel doFillTagItems(
                @AncestorInPath @CheckForNull final Item item, @QueryParameter final String stream) {
            ComboBoxModel names = new ComboBoxModel();
            if (!jobs.mayConfigure(item)) {
                return names;
            }
            findStream(Util.fixNull(stream).trim()).ifPresent(s -> s.tags().forEach(t -> names.add(t.name())));
            return names;
        }

        /** The stream, if it exists and the current user may view it: a hidden stream looks like a missing one. */
        private static Optional<ImageStream> findStream(final String name) {
            return ImageStreamsConfiguration.get().toModel().stream()
                    .filter(s -> s.name().equals(name))
                    .filter(s -> mayView(s.name()))
                    .findFirst();
        }

        private static boolean mayView(final String stream) {
            return new StreamAccessCheck(new JenkinsFacade())
                    .allows(ImageStreamsConfiguration.get().accessOf(stream), StreamAccess.StreamAction.VIEW);
        }
    }
}
