package io.jenkins.plugins.imagestreams.jenkins.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.model.HistoryRetention;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.spec.SpecNumber;
import io.jenkins.plugins.imagestreams.jenkins.security.StreamAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One ImageStream in the global configuration (the spec). Values are kept as entered; {@link #toModel()}
 * validates them with the core's rules, so the form, JCasC and the command line reject the same input.
 */
public class ImageStreamDefinition implements Describable<ImageStreamDefinition> {
    private final String name;
    private String description = "";
    /** Kept as converted, {@code null} when the input was not a whole number; checked by {@link #toModel()}. */
    private Integer importIntervalMinutes = (int) ImageStream.DEFAULT_INTERVAL.toMinutes();

    private Integer historyRevisions = HistoryRetention.DEFAULT.revisions();
    private Integer historyMaxAgeHours = (int) HistoryRetention.DEFAULT.maxAge().toHours();
    private boolean paused;
    private String viewers = "";
    private String taggers = "";
    private String importers = "";
    private List<TagDefinition> tags = new ArrayList<>();

    /**
     * Creates the stream definition.
     *
     * @param name the stream name, {@code ^[a-z0-9]+(?:[._-][a-z0-9]+)*$}, at most 253 characters
     */
    @DataBoundConstructor
    public ImageStreamDefinition(final String name) {
        this.name = name == null ? "" : name.trim();
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    /**
     * Sets the description shown on the management page.
     *
     * @param description free text
     */
    @DataBoundSetter
    public void setDescription(final String description) {
        this.description = description == null ? "" : description;
    }

    public Integer getImportIntervalMinutes() {
        return importIntervalMinutes;
    }

    /**
     * Sets how often scheduled tags are re-imported.
     *
     * @param minutes minutes, 1 to 10080 (7 days); {@code null} (Stapler's conversion of text that is not a whole
     *     number) is rejected by {@link #toModel()}
     */
    @DataBoundSetter
    public void setImportIntervalMinutes(@CheckForNull final Integer minutes) {
        this.importIntervalMinutes = minutes;
    }

    public Integer getHistoryRevisions() {
        return historyRevisions;
    }

    /**
     * Sets how many history entries each tag always keeps.
     *
     * @param revisions 1 to 1000; {@code null} is rejected by {@link #toModel()}
     */
    @DataBoundSetter
    public void setHistoryRevisions(@CheckForNull final Integer revisions) {
        this.historyRevisions = revisions;
    }

    public Integer getHistoryMaxAgeHours() {
        return historyMaxAgeHours;
    }

    /**
     * Sets the age below which history entries are always kept.
     *
     * @param hours hours, zero or more; {@code null} is rejected by {@link #toModel()}
     */
    @DataBoundSetter
    public void setHistoryMaxAgeHours(@CheckForNull final Integer hours) {
        this.historyMaxAgeHours = hours;
    }

    public boolean isPaused() {
        return paused;
    }

    /**
     * Suspends imports and triggers of the whole stream.
     *
     * @param paused true to pause
     */
    @DataBoundSetter
    public void setPaused(final boolean paused) {
        this.paused = paused;
    }

    public String getViewers() {
        return viewers;
    }

    /**
     * Restricts who may view this stream (beyond ImageStream/View).
     *
     * @param viewers user IDs and group names, separated by commas or white space; empty for no restriction
     */
    @DataBoundSetter
    public void setViewers(final String viewers) {
        this.viewers = viewers == null ? "" : viewers.trim();
    }

    public String getTaggers() {
        return taggers;
    }

    /**
     * Restricts who may tag, roll back and delete tags of this stream (beyond ImageStream/Tag).
     *
     * @param taggers user IDs and group names, separated by commas or white space; empty for no restriction
     */
    @DataBoundSetter
    public void setTaggers(final String taggers) {
        this.taggers = taggers == null ? "" : taggers.trim();
    }

    public String getImporters() {
        return importers;
    }

    /**
     * Restricts who may ask for imports of this stream (beyond ImageStream/Import).
     *
     * @param importers user IDs and group names, separated by commas or white space; empty for no restriction
     */
    @DataBoundSetter
    public void setImporters(final String importers) {
        this.importers = importers == null ? "" : importers.trim();
    }

    /**
     * Returns the stream's own access lists.
     *
     * @return the lists; {@link StreamAccess#OPEN} when none is set
     */
    public StreamAccess toAccess() {
        return StreamAccess.parse(viewers, taggers, importers);
    }

    public List<TagDefinition> getTags() {
        return List.copyOf(tags);
    }

    /**
     * Sets the tags.
     *
     * @param tags the tags, in display order
     */
    @DataBoundSetter
    public void setTags(final List<TagDefinition> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    /**
     * Converts the entered values to the core's validated stream.
     *
     * @return the stream
     * @throws io.jenkins.plugins.imagestreams.core.InvalidValueException if a value breaks a rule; the message
     *     names the field, e.g. {@code tags.latest.from: must be an alias of a tag defined in the same stream}
     */
    public ImageStream toModel() {
        return new ImageStream(
                name,
                description,
                tags.stream().map(TagDefinition::toModel).toList(),
                Duration.ofMinutes(SpecNumber.IMPORT_INTERVAL_MINUTES.require(importIntervalMinutes)),
                new HistoryRetention(
                        SpecNumber.HISTORY_REVISIONS.require(historyRevisions),
                        Duration.ofHours(SpecNumber.HISTORY_MAX_AGE_HOURS.require(historyMaxAgeHours))),
                paused);
    }

    /** Descriptor. */
    @Extension
    @Symbol("stream")
    public static class DescriptorImpl extends Descriptor<ImageStreamDefinition> {
        private final transient FormChecks checks = new FormChecks();

        @Override
        public String getDisplayName() {
            return Messages.ImageStreamDefinition_displayName();
        }

        /**
         * Validates the name field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckName(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.streamName(value));
        }

        /**
         * Validates the importIntervalMinutes field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckImportIntervalMinutes(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.number(SpecNumber.IMPORT_INTERVAL_MINUTES, value));
        }

        /**
         * Validates the historyRevisions field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckHistoryRevisions(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.number(SpecNumber.HISTORY_REVISIONS, value));
        }

        /**
         * Validates the historyMaxAgeHours field as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckHistoryMaxAgeHours(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.number(SpecNumber.HISTORY_MAX_AGE_HOURS, value));
        }
    }
}
