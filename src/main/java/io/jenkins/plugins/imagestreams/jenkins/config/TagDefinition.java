package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.Extension;
import hudson.model.AutoCompletionCandidates;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import io.jenkins.plugins.imagestreams.core.model.ImportMode;
import io.jenkins.plugins.imagestreams.core.model.ImportPolicy;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.jenkins.credentials.RegistryCredentialsFacade;
import io.jenkins.plugins.imagestreams.jenkins.security.ImageStreamPermissions;
import io.jenkins.plugins.imagestreams.jenkins.trigger.DownstreamJobs;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundResolvable;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * One tag of a stream in the global configuration: its name, its {@code from}, and its import policy. Values
 * are kept as entered; {@link #toModel()} validates them with the core's rules.
 *
 * <p>The import policy applies only to a registry image that is not pinned by digest (the core ignores it for the
 * other sources: {@code TagReference.isScheduled()}, the importer and the allowlist check look at registry images
 * only). So the form shows its fields inside the registry image's part of the {@code from} dropdown, and
 * {@link #bindResolve} moves them from {@code from} back to the tag; JCasC keeps them beside {@code from}, as
 * OpenShift keeps {@code importPolicy} beside {@code from}.
 */
public class TagDefinition implements Describable<TagDefinition>, DataBoundResolvable {
    private final String name;
    private final TagSourceDefinition from;
    private boolean scheduled = true;
    private boolean insecure;
    private String importMode = ImportMode.PRESERVE_ORIGINAL.wireName();
    private String platforms = "";
    private String credentialsId = "";
    private String downstreamJobs = "";

    /**
     * Creates the tag.
     *
     * @param name the tag name, {@code ^[\w][\w.-]{0,127}$}
     * @param from where its digest comes from
     */
    @DataBoundConstructor
    public TagDefinition(final String name, final TagSourceDefinition from) {
        this.name = name == null ? "" : name.trim();
        this.from = from;
    }

    public String getName() {
        return name;
    }

    public TagSourceDefinition getFrom() {
        return from;
    }

    public boolean isScheduled() {
        return scheduled;
    }

    /**
     * Sets whether the poller re-imports the tag (registry sources only).
     *
     * @param scheduled true to poll
     */
    @DataBoundSetter
    public void setScheduled(final boolean scheduled) {
        this.scheduled = scheduled;
    }

    public boolean isInsecure() {
        return insecure;
    }

    /**
     * Sets whether plain HTTP or unverified TLS may be used (only for allowlisted registries).
     *
     * @param insecure true to allow
     */
    @DataBoundSetter
    public void setInsecure(final boolean insecure) {
        this.insecure = insecure;
    }

    public String getImportMode() {
        return importMode;
    }

    /**
     * Sets how an index is imported.
     *
     * @param importMode {@code PreserveOriginal} or {@code Legacy}
     */
    @DataBoundSetter
    public void setImportMode(final String importMode) {
        this.importMode = importMode == null || importMode.isBlank()
                ? ImportMode.PRESERVE_ORIGINAL.wireName()
                : importMode.trim();
    }

    public String getPlatforms() {
        return platforms;
    }

    /**
     * Sets the platforms whose digests count as a change.
     *
     * @param platforms comma- or space-separated, e.g. {@code linux/amd64, linux/arm64}; empty for all
     */
    @DataBoundSetter
    public void setPlatforms(final String platforms) {
        this.platforms = platforms == null ? "" : platforms.trim();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /**
     * Sets the registry credentials.
     *
     * @param credentialsId the ID of a username/password or secret-text credential; empty for anonymous
     */
    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = credentialsId == null ? "" : credentialsId.trim();
    }

    public String getDownstreamJobs() {
        return downstreamJobs;
    }

    /**
     * Sets the jobs built when the tag moves to a new digest, as if each had an {@code imageStream} trigger on it.
     *
     * @param downstreamJobs job full names separated by commas, e.g. {@code deploy-app, team/smoke}; empty for none
     */
    @DataBoundSetter
    public void setDownstreamJobs(final String downstreamJobs) {
        this.downstreamJobs = downstreamJobs == null ? "" : downstreamJobs.trim();
    }

    /**
     * Takes the import policy the form submitted inside a registry image's {@code from} (see
     * {@code RegistryImageSource/config.jelly}); for the other sources the form submits none, and the defaults stay.
     *
     * @param request the form submission
     * @param src this tag's part of the submitted form
     * @return this tag, with the policy set
     */
    @Override
    public Object bindResolve(final StaplerRequest2 request, final JSONObject src) {
        JSONObject source = src.optJSONObject("from");
        if (source == null) {
            return this;
        }
        if (source.has("scheduled")) {
            setScheduled(source.optBoolean("scheduled"));
        }
        if (source.has("insecure")) {
            setInsecure(source.optBoolean("insecure"));
        }
        if (source.has("importMode")) {
            setImportMode(source.optString("importMode"));
        }
        if (source.has("platforms")) {
            setPlatforms(source.optString("platforms"));
        }
        if (source.has("credentialsId")) {
            setCredentialsId(source.optString("credentialsId"));
        }
        return this;
    }

    /**
     * Converts the entered values to the core's validated tag.
     *
     * @return the tag reference
     * @throws io.jenkins.plugins.imagestreams.core.InvalidValueException if a value breaks a rule
     */
    public TagReference toModel() {
        if (from == null) {
            throw new io.jenkins.plugins.imagestreams.core.InvalidValueException(
                    "tags." + name + ".from", "must be set", null);
        }
        List<Platform> parsed = Arrays.stream(platforms.split("[,\\s]+"))
                .filter(p -> !p.isEmpty())
                .map(Platform::parse)
                .toList();
        ImportPolicy policy = new ImportPolicy(
                scheduled,
                insecure,
                ImportMode.parse(importMode),
                parsed,
                credentialsId.isEmpty() ? Optional.empty() : Optional.of(credentialsId));
        return new TagReference(name, from.toModel(), policy);
    }

    /** Descriptor. */
    @Extension
    @Symbol("tag")
    public static class DescriptorImpl extends Descriptor<TagDefinition> {
        private final transient FormChecks checks = new FormChecks();
        private final transient RegistryCredentialsFacade credentials = new RegistryCredentialsFacade();
        private final transient JenkinsFacade jenkins = new JenkinsFacade();

        /**
         * Fills the credentials dropdown; needs ImageStream/Configure, else shows only the current value. Only
         * credentials whose domain admits the registry of the entered image are offered.
         *
         * @param credentialsId the current value
         * @param image the entered image of the tag's registry source, e.g. {@code quay.io/org/app:1}; may be empty
         * @return the choices
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @QueryParameter final String credentialsId, @QueryParameter final String image) {
            if (!jenkins.hasPermission(ImageStreamPermissions.CONFIGURE)) {
                return credentials.currentOnly(credentialsId);
            }
            return credentials.credentialsItems(credentialsId, image);
        }

        /**
         * Warns when the configured credentials ID does not resolve for the entered image's registry; needs
         * ImageStream/Configure.
         *
         * @param value the credentials ID
         * @param image the entered image of the tag's registry source; may be empty
         * @return ok, or a warning
         */
        @POST
        public FormValidation doCheckCredentialsId(
                @QueryParameter final String value, @QueryParameter final String image) {
            return checks.ifPermitted(() -> {
                if (value == null
                        || value.isBlank()
                        || credentials.find(value, image).isPresent()) {
                    return FormValidation.ok();
                }
                return credentials.find(value).isPresent()
                        ? FormValidation.warning(Messages.TagDefinition_credentialsOutOfDomain(value, image))
                        : FormValidation.warning(Messages.TagDefinition_credentialsMissing(value));
            });
        }

        @Override
        public String getDisplayName() {
            return Messages.TagDefinition_displayName();
        }

        /**
         * Validates the name field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckName(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.tagName(value));
        }

        /**
         * Warns about downstream jobs that are unknown to the current user, cannot be triggered, or whose builds'
         * identity may not see or build them; needs ImageStream/Configure.
         *
         * @param value job full names separated by commas
         * @return ok, or warnings
         */
        @POST
        public FormValidation doCheckDownstreamJobs(@QueryParameter final String value) {
            return checks.ifPermitted(() -> new DownstreamJobs().check(value));
        }

        /**
         * Completes a downstream job name from the jobs the current user can see; needs ImageStream/Configure.
         *
         * @param value the name being typed
         * @return the candidates; none without the permission
         */
        @POST
        public AutoCompletionCandidates doAutoCompleteDownstreamJobs(@QueryParameter final String value) {
            return jenkins.hasPermission(ImageStreamPermissions.CONFIGURE)
                    ? new DownstreamJobs().candidates(value)
                    : new AutoCompletionCandidates();
        }

        /**
         * Validates the importMode field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckImportMode(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.importMode(value));
        }

        /**
         * Validates the platforms field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckPlatforms(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.platforms(value));
        }
    }
}
