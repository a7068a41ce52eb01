package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import hudson.security.Permission;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHosts;
import io.jenkins.plugins.imagestreams.jenkins.security.StreamAccess;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The global configuration of the plugin: the ImageStream definitions (the spec), the registry allowlist and the
 * per-registry settings. JCasC reaches it as {@code unclassified: imageStreams:}. Status (tag history, conditions,
 * trigger state) is kept apart, in the plugin's own state files, so that saving this page or reapplying JCasC never
 * erases it.
 *
 * <p>The whole configuration is validated with the core's rules on every save, the parts against each other (a
 * narrowed allowlist against the streams that import from a registry it no longer names). An invalid configuration
 * is rejected as a whole, with a message naming the field and the rule, and the previous configuration stays in
 * force, in memory and on disk. A form submit or a JCasC apply binds every field first and then saves, and so
 * reconciles the streams, once (a {@link BulkChange}); a setter called alone saves at once.
 */
@Extension
@Symbol("imageStreams")
public class ImageStreamsConfiguration extends GlobalConfiguration {
    private static final Logger LOGGER = Logger.getLogger(ImageStreamsConfiguration.class.getName());

    private volatile List<ImageStreamDefinition> streams = new ArrayList<>();
    private volatile String allowedRegistries = "";
    private volatile List<RegistryDefinition> registries = new ArrayList<>();

    /** The values last saved or loaded, restored when a save is rejected. */
    private transient volatile Saved saved;
    /** The validated model of the saved values, computed once per change. */
    private transient volatile ValidatedConfiguration model;

    /** The entered values of a saved configuration. */
    private record Saved(
            List<ImageStreamDefinition> streams, String allowedRegistries, List<RegistryDefinition> registries) {}

    /** Loads the saved configuration, as every {@link GlobalConfiguration} does. */
    public ImageStreamsConfiguration() {
        super();
        load();
        saved = snapshot();
    }

    /**
     * Returns the singleton instance.
     *
     * @return the configuration registered as an extension
     * @throws IllegalStateException if Jenkins is not running
     */
    public static ImageStreamsConfiguration get() {
        return ExtensionList.lookupSingleton(ImageStreamsConfiguration.class);
    }

    /**
     * Returns the stream definitions as entered.
     *
     * @return the definitions, in display order
     */
    public List<ImageStreamDefinition> getStreams() {
        return List.copyOf(streams);
    }

    /**
     * Replaces the stream definitions and saves (or, within a {@link BulkChange}, when it commits).
     *
     * @param streams the new definitions; {@code null} means none
     * @throws InvalidValueException if the configuration breaks a rule; nothing changes then
     */
    @DataBoundSetter
    public void setStreams(final List<ImageStreamDefinition> streams) {
        this.streams = streams == null ? new ArrayList<>() : new ArrayList<>(streams);
        save();
    }

    /**
     * Returns a stream's own access lists.
     *
     * @param stream the stream name
     * @return the lists; {@link StreamAccess#OPEN} for an unknown stream or one without lists
     */
    public StreamAccess accessOf(final String stream) {
        return streams.stream()
                .filter(d -> d.getName().equals(stream))
                .findFirst()
                .map(ImageStreamDefinition::toAccess)
                .orElse(StreamAccess.OPEN);
    }

    /**
     * Returns the registry allowlist as entered.
     *
     * @return entries separated by commas or new lines; empty allows every registry for secure imports
     */
    public String getAllowedRegistries() {
        return allowedRegistries;
    }

    /**
     * Sets the registry allowlist and saves (or, within a {@link BulkChange}, when it commits). The streams are
     * checked against it on save, and every import checks it again.
     *
     * @param allowedRegistries entries such as {@code quay.io}, {@code registry.example.com:5000} or
     *     {@code *.example.com}, separated by commas or new lines
     * @throws InvalidValueException if an entry is not a registry host or wildcard, or a stream imports from a
     *     registry outside the list; nothing changes then
     */
    @DataBoundSetter
    public void setAllowedRegistries(final String allowedRegistries) {
        this.allowedRegistries = allowedRegistries == null ? "" : allowedRegistries.trim();
        save();
    }

    /**
     * Returns the per-registry settings as entered.
     *
     * @return the settings, in display order
     */
    public List<RegistryDefinition> getRegistries() {
        return List.copyOf(registries);
    }

    /**
     * Replaces the per-registry settings and saves (or, within a {@link BulkChange}, when it commits).
     *
     * @param registries the settings; {@code null} means none
     * @throws InvalidValueException if a setting breaks a rule; nothing changes then
     */
    @DataBoundSetter
    public void setRegistries(final List<RegistryDefinition> registries) {
        this.registries = registries == null ? new ArrayList<>() : new ArrayList<>(registries);
        save();
    }

    /**
     * Returns the registry allowlist in force.
     *
     * @return the parsed allowlist of the saved configuration
     */
    public RegistryAllowlist toAllowlist() {
        return validated().allowlist();
    }

    /**
     * Returns the per-registry settings in force.
     *
     * @return the settings of the saved configuration
     */
    public RegistryHosts toRegistryHosts() {
        return validated().registries();
    }

    /**
     * Returns the validated core model of every stream.
     *
     * @return the streams
     */
    public List<ImageStream> toModel() {
        return validated().streams();
    }

    private ValidatedConfiguration validated() {
        ValidatedConfiguration current = model;
        if (current == null) {
            current = ValidatedConfiguration.lenient(
                    saved.streams(),
                    saved.allowedRegistries(),
                    saved.registries(),
                    e -> LOGGER.log(
                            Level.WARNING, "ImageStreams configuration: ignored until fixed: {0}", e.getMessage()));
            model = current;
        }
        return current;
    }

    /**
     * Validates the whole configuration, then writes it and reconciles every stream's status with its spec. Within
     * a {@link BulkChange} it does nothing until the change commits.
     *
     * @throws InvalidValueException if the configuration breaks a rule; the values saved before are restored
     */
    @Override
    public synchronized void save() {
        if (BulkChange.contains(this)) {
            return;
        }
        ValidatedConfiguration next;
        try {
            next = ValidatedConfiguration.of(
                    streams, allowedRegistries, registries, validated().allowlist());
        } catch (InvalidValueException e) {
            restore();
            throw e;
        }
        super.save();
        saved = snapshot();
        model = next;
        ExtensionList.lookup(ImageStreamsService.class).forEach(ImageStreamsService::reconcileAll);
    }

    private Saved snapshot() {
        return new Saved(List.copyOf(streams), allowedRegistries, List.copyOf(registries));
    }

    private synchronized void restore() {
        streams = new ArrayList<>(saved.streams());
        allowedRegistries = saved.allowedRegistries();
        registries = new ArrayList<>(saved.registries());
    }

    /**
     * Lets users with Overall/Manage (which implies ImageStream/Configure) edit the streams, not only
     * administrators.
     *
     * @return {@link Jenkins#MANAGE}
     */
    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.MANAGE;
    }

    /**
     * Binds the submitted form, validates the whole configuration and saves it once. Emptied lists persist.
     *
     * @throws FormException naming the field of the first rule broken; nothing changes then
     */
    @Override
    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        try (BulkChange change = new BulkChange(this)) {
            streams = new ArrayList<>();
            registries = new ArrayList<>();
            req.bindJSON(this, json);
            change.commit();
        } catch (InvalidValueException e) {
            restore();
            throw new Descriptor.FormException(e.getMessage(), e, formField(e.getField()));
        } catch (IOException | RuntimeException e) {
            restore();
            throw new Descriptor.FormException(e.getMessage(), e, "streams");
        }
        return true;
    }

    private static String formField(final String field) {
        if (field.startsWith("allowed")) {
            return "allowedRegistries";
        }
        return field.startsWith("registries") ? "registries" : "streams";
    }

    /**
     * Validates the allowlist as you type; needs ImageStream/Configure.
     *
     * @param value the entries
     * @return ok, or an error naming the bad entry
     */
    @POST
    public FormValidation doCheckAllowedRegistries(@QueryParameter final String value) {
        return new FormChecks().ifPermitted(() -> FormChecks.check(() -> RegistryAllowlist.parse(value)));
    }
}
